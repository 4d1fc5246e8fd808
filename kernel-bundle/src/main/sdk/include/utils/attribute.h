/* GCC attributes under the short names seL4's libutils gives them (UNUSED, NORETURN, PACKED...). */
#pragma once

#define UNUSED __attribute__((unused))
#define USED __attribute__((used))
#define NORETURN __attribute__((noreturn))
#define PACKED __attribute__((packed))
#define ALIGN(n) __attribute__((aligned(n)))
#define WEAK __attribute__((weak))
#define NO_INLINE __attribute__((noinline))
#define ALWAYS_INLINE __attribute__((always_inline))
#define SECTION(s) __attribute__((section(s)))
#define WARN_UNUSED_RESULT __attribute__((warn_unused_result))
