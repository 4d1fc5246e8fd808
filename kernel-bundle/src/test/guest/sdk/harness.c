/* main of every SDK test guest: runs the case the test selected. */
#include "harness.h"

void (*volatile test_case)(void);
seL4_Word results[RESULT_WORDS];

void fill_message_registers(int n, seL4_Word pattern)
{
    for (int i = 0; i < n; i++) {
        seL4_SetMR(i, pattern + (seL4_Word) i);
    }
}

int main(void)
{
    test_case();
    return 0;
}
