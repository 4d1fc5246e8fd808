/* abort() for a freestanding guest (printf.c): traps with ebreak, a UserException the kernel
   reports or delivers to the thread's fault handler; it never returns. */
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void abort(void) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif
