/* Shared by the SDK's test guests: the test picks one case function by writing its address
   into test_case before the run, and reads what the case stored in results afterwards. */
#pragma once

#include <sel4/sel4.h>

#define RESULT_WORDS 64

extern void (*volatile test_case)(void);
extern seL4_Word results[RESULT_WORDS];

/* Fills msg[0..n) with a pattern the test recognises as "left alone". */
void fill_message_registers(int n, seL4_Word pattern);
