/*
 * The SDK's small stdio (printf.c): formatted output to the kernel console through
 * seL4_DebugPutChar, or into a buffer. Conversions %d %i %u %x %X %p %s %c %% with the
 * hh, h, l, ll and z length modifiers, a width (or *), a precision (or .*), and the flags
 * '-', '0' and '#'. %p prints like musl's (%#lx: 0 for a null pointer).
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EOF (-1)

int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *format, va_list args) __attribute__((format(printf, 1, 0)));
int sprintf(char *out, const char *format, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *out, size_t size, const char *format, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *out, size_t size, const char *format, va_list args) __attribute__((format(printf, 3, 0)));
int puts(const char *text);
int putchar(int c);

#ifdef __cplusplus
}
#endif
