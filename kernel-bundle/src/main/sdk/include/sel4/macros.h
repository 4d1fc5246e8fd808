/*
 * Compiler helpers the other SDK headers use, under libsel4's names: inline functions, packed
 * structs, compile-time checks and enums forced to the width of a word.
 */
#pragma once

#define LIBSEL4_INLINE static inline
#define LIBSEL4_INLINE_FUNC static inline
#define LIBSEL4_UNUSED __attribute__((unused))
#define LIBSEL4_NORETURN __attribute__((noreturn))
#define SEL4_PACKED __attribute__((packed))
#define SEL4_DEPRECATED(x) __attribute__((deprecated(x)))

/* An extra enumerator with the largest signed long value, so the enum is a full word wide. */
#define SEL4_FORCE_LONG_ENUM(type) _enum_pad_##type = ((1UL << (sizeof(long) * 8 - 1)) - 1)

#ifdef __cplusplus
#define SEL4_COMPILE_ASSERT(name, expr) static_assert(expr, #name)
#else
#define SEL4_COMPILE_ASSERT(name, expr) _Static_assert(expr, #name)
#endif
#define seL4_CompileTimeAssert(expr) SEL4_COMPILE_ASSERT(seL4_CompileTimeAssert, expr)
