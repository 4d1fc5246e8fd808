/*
 * The SDK's small C runtime for freestanding guests: the printf family of stdio.h, writing to
 * the kernel console one seL4_DebugPutChar (a7 = -9, a0 = the character) per character or into a
 * buffer; abort() and the assert() failure path; and the memory and string functions of
 * string.h, which GCC may also call for struct copies and initialisers.
 */
#include <assert.h>
#include <sel4/sel4.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where formatted characters go: the console, or buffer (size bytes, NUL-terminated by
   vsnprintf when size > 0). length counts every character produced, stored or not. */
struct sink {
    int console;
    char *buffer;
    size_t size;
    size_t length;
};

static void emit(struct sink *out, char c)
{
    if (out->console) {
        seL4_DebugPutChar(c);
    } else if (out->length + 1 < out->size) {
        out->buffer[out->length] = c;
    }
    out->length++;
}

static void emit_repeated(struct sink *out, char c, int count)
{
    for (int i = 0; i < count; i++) {
        emit(out, c);
    }
}

/* One conversion's flags, width and precision (-1 when absent). */
struct spec {
    int left;
    int zero;
    int alternate;
    int width;
    int precision;
};

/* Writes prefix (sign or 0x) and digits, padded to the width as the flags say. */
static void emit_padded(struct sink *out, const struct spec *spec, const char *prefix, const char *digits,
                        int digit_count)
{
    int prefix_length = (int) strlen(prefix);
    int zeros = spec->precision > digit_count ? spec->precision - digit_count : 0;
    int padding = spec->width - prefix_length - zeros - digit_count;
    if (padding < 0) {
        padding = 0;
    }
    if (spec->zero && !spec->left && spec->precision < 0) {
        zeros += padding;
        padding = 0;
    }
    if (!spec->left) {
        emit_repeated(out, ' ', padding);
    }
    for (int i = 0; i < prefix_length; i++) {
        emit(out, prefix[i]);
    }
    emit_repeated(out, '0', zeros);
    for (int i = 0; i < digit_count; i++) {
        emit(out, digits[i]);
    }
    if (spec->left) {
        emit_repeated(out, ' ', padding);
    }
}

static void emit_number(struct sink *out, const struct spec *spec, unsigned long long value, int negative,
                        unsigned base, int upper)
{
    const char *symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[24];
    char digits[24];
    int count = 0;
    /* An explicit precision of 0 prints nothing for the value 0, as in C. */
    if (value != 0 || spec->precision != 0) {
        do {
            reversed[count++] = symbols[value % base];
            value /= base;
        } while (value != 0);
    }
    for (int i = 0; i < count; i++) {
        digits[i] = reversed[count - 1 - i];
    }
    const char *prefix = negative ? "-" : "";
    if (base == 16 && spec->alternate && count > 0 && !(count == 1 && digits[0] == '0')) {
        prefix = upper ? "0X" : "0x";
    }
    emit_padded(out, spec, prefix, digits, count);
}

static void emit_string(struct sink *out, const struct spec *spec, const char *text)
{
    if (text == NULL) {
        text = "(null)";
    }
    int length = 0;
    while (text[length] != '\0' && (spec->precision < 0 || length < spec->precision)) {
        length++;
    }
    struct spec plain = *spec;
    plain.zero = 0;
    plain.precision = -1;
    emit_padded(out, &plain, "", text, length);
}

/* Reads a width or precision: digits, or '*' for the next int argument. */
static int read_count(const char **format, va_list *args)
{
    if (**format == '*') {
        (*format)++;
        return va_arg(*args, int);
    }
    int count = 0;
    while (**format >= '0' && **format <= '9') {
        count = count * 10 + (*(*format)++ - '0');
    }
    return count;
}

enum length { LENGTH_HH, LENGTH_H, LENGTH_INT, LENGTH_LONG, LENGTH_LONG_LONG, LENGTH_SIZE };

static long long signed_argument(enum length length, va_list *args)
{
    switch (length) {
    case LENGTH_HH:
        return (signed char) va_arg(*args, int);
    case LENGTH_H:
        return (short) va_arg(*args, int);
    case LENGTH_LONG:
    case LENGTH_SIZE:
        return va_arg(*args, long);
    case LENGTH_LONG_LONG:
        return va_arg(*args, long long);
    default:
        return va_arg(*args, int);
    }
}

static unsigned long long unsigned_argument(enum length length, va_list *args)
{
    switch (length) {
    case LENGTH_HH:
        return (unsigned char) va_arg(*args, unsigned);
    case LENGTH_H:
        return (unsigned short) va_arg(*args, unsigned);
    case LENGTH_LONG:
        return va_arg(*args, unsigned long);
    case LENGTH_SIZE:
        return va_arg(*args, size_t);
    case LENGTH_LONG_LONG:
        return va_arg(*args, unsigned long long);
    default:
        return va_arg(*args, unsigned);
    }
}

static void format_to(struct sink *out, const char *format, va_list *args)
{
    while (*format != '\0') {
        if (*format != '%') {
            emit(out, *format++);
            continue;
        }
        const char *start = format++;
        struct spec spec = {0, 0, 0, 0, -1};
        for (;; format++) {
            if (*format == '-') {
                spec.left = 1;
            } else if (*format == '0') {
                spec.zero = 1;
            } else if (*format == '#') {
                spec.alternate = 1;
            } else {
                break;
            }
        }
        spec.width = read_count(&format, args);
        if (spec.width < 0) {
            spec.left = 1;
            spec.width = -spec.width;
        }
        if (*format == '.') {
            format++;
            spec.precision = read_count(&format, args);
        }
        enum length length = LENGTH_INT;
        if (*format == 'h') {
            length = *++format == 'h' ? (format++, LENGTH_HH) : LENGTH_H;
        } else if (*format == 'l') {
            length = *++format == 'l' ? (format++, LENGTH_LONG_LONG) : LENGTH_LONG;
        } else if (*format == 'z') {
            format++;
            length = LENGTH_SIZE;
        }
        char conversion = *format;
        if (conversion != '\0') {
            format++;
        }
        switch (conversion) {
        case 'd':
        case 'i': {
            long long value = signed_argument(length, args);
            unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long) value : (unsigned long long) value;
            emit_number(out, &spec, magnitude, value < 0, 10, 0);
            break;
        }
        case 'u':
            emit_number(out, &spec, unsigned_argument(length, args), 0, 10, 0);
            break;
        case 'x':
        case 'X':
            emit_number(out, &spec, unsigned_argument(length, args), 0, 16, conversion == 'X');
            break;
        case 'p':
            spec.alternate = 1;
            emit_number(out, &spec, (unsigned long) va_arg(*args, void *), 0, 16, 0);
            break;
        case 's':
            emit_string(out, &spec, va_arg(*args, const char *));
            break;
        case 'c': {
            char c = (char) va_arg(*args, int);
            struct spec plain = spec;
            plain.zero = 0;
            plain.precision = -1;
            emit_padded(out, &plain, "", &c, 1);
            break;
        }
        case '%':
            emit(out, '%');
            break;
        default:
            /* Not a conversion this printf knows: print it as written. */
            while (start < format) {
                emit(out, *start++);
            }
            break;
        }
    }
}

int vsnprintf(char *out, size_t size, const char *format, va_list args)
{
    struct sink sink = {0, out, size, 0};
    va_list copy;
    va_copy(copy, args);
    format_to(&sink, format, &copy);
    va_end(copy);
    if (size > 0) {
        out[sink.length < size ? sink.length : size - 1] = '\0';
    }
    return (int) sink.length;
}

int snprintf(char *out, size_t size, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(out, size, format, args);
    va_end(args);
    return length;
}

int sprintf(char *out, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(out, (size_t) -1 / 2, format, args);
    va_end(args);
    return length;
}

int vprintf(const char *format, va_list args)
{
    struct sink sink = {1, NULL, 0, 0};
    va_list copy;
    va_copy(copy, args);
    format_to(&sink, format, &copy);
    va_end(copy);
    return (int) sink.length;
}

int printf(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vprintf(format, args);
    va_end(args);
    return length;
}

int putchar(int c)
{
    seL4_DebugPutChar((char) c);
    return (unsigned char) c;
}

int puts(const char *text)
{
    while (*text != '\0') {
        seL4_DebugPutChar(*text++);
    }
    seL4_DebugPutChar('\n');
    return 1;
}

/* ebreak: a UserException (Number 3) the kernel reports or hands to the fault handler. A
   handler that resumes the thread, at the ebreak or past it, lands on the ebreak again. */
void abort(void)
{
    for (;;) {
        __asm__ volatile("ebreak");
    }
}

void __assert_fail(const char *expression, const char *file, int line, const char *function)
{
    printf("Assertion failed: %s (%s: %s: %d)\n", expression, file, function, line);
    abort();
}

/* GCC would turn these loops into calls to the functions being defined. */
#define SEL4_SDK_PLAIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))

SEL4_SDK_PLAIN_LOOPS void *memset(void *dest, int c, size_t n)
{
    unsigned char *d = dest;
    while (n-- > 0) {
        *d++ = (unsigned char) c;
    }
    return dest;
}

SEL4_SDK_PLAIN_LOOPS void *memcpy(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    while (n-- > 0) {
        *d++ = *s++;
    }
    return dest;
}

SEL4_SDK_PLAIN_LOOPS void *memmove(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (d < s) {
        while (n-- > 0) {
            *d++ = *s++;
        }
    } else {
        while (n-- > 0) {
            d[n] = s[n];
        }
    }
    return dest;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a;
    const unsigned char *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return x[i] - y[i];
        }
    }
    return 0;
}

SEL4_SDK_PLAIN_LOOPS size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char) *a - (unsigned char) *b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b || *a == '\0') {
            return (unsigned char) *a - (unsigned char) *b;
        }
    }
    return 0;
}
