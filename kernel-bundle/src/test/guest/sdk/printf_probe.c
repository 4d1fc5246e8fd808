/* Formatted output through seL4_DebugPutChar, one case per group of conversions. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

void integers(void)
{
    printf("%d|%i|%u|%d|%u\n", -42, 17, 4000000000u, 0, 0u);
    printf("%ld|%lld|%lu|%zu|%llu\n", -9000000000L, -1LL, 18446744073709551615UL, (size_t) 12345,
           0x8000000000000000ULL);
    printf("%hhd|%hu|%hhx\n", 300, 70000, 0x1ff);
}

void hexadecimal(void)
{
    printf("%x|%X|%lx|%#x|%#X|%#x\n", 0xbeef, 0xbeef, 0x3ffffff000UL, 255, 255, 0);
    printf("%p|%p\n", (void *) 0, (void *) 0x1234);
}

void widths(void)
{
    printf("[%5d][%-5d][%05d][%5s][%-5s][%3c][%-3c]\n", 42, 42, -42, "ab", "ab", 'x', 'y');
    printf("[%08x][%*d][%-*d][%.3s][%.5d][%8.3d]\n", 0xabc, 4, 7, 4, 7, "abcdef", 42, -7);
}

/* Deliberately odd formats: a null string and a conversion printf does not know. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
void text(void)
{
    printf("%s %c%c %% %s\n", "hello", 'o', 'k', (char *) 0);
    printf("odd %q stays\n");
    putchar('!');
    puts("line");
}
#pragma GCC diagnostic pop

void buffers(void)
{
    char buffer[16];
    int length = snprintf(buffer, 8, "%s", "abcdefghij");
    printf("%d:%s:%lu\n", length, buffer, (unsigned long) strlen(buffer));
    length = snprintf(buffer, sizeof(buffer), "%04d-%s", 7, "ok");
    printf("%d:%s\n", length, buffer);
    length = sprintf(buffer, "%x", 0xcafe);
    printf("%d:%s\n", length, buffer);
    results[0] = (seL4_Word) snprintf(seL4_Null, 0, "%d", 123456);
    results[1] = (seL4_Word) printf("four");
}
