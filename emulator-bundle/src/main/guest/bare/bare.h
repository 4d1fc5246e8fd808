/* The two Linux calls a bare guest may make: write (a7 = 64) and exit (a7 = 93). */
#ifndef FAULTLINE_BARE_H
#define FAULTLINE_BARE_H

typedef unsigned long size_t;

static inline long bare_write(int fd, const void *buf, size_t len)
{
    register long a0 __asm__("a0") = fd;
    register long a1 __asm__("a1") = (long)buf;
    register long a2 __asm__("a2") = (long)len;
    register long a7 __asm__("a7") = 64;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

static inline size_t bare_strlen(const char *s)
{
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

static inline void bare_puts(const char *s)
{
    bare_write(1, s, bare_strlen(s));
}

#endif
