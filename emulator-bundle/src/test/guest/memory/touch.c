/* Touches every page of a 256 MiB array, then reads them all back: memory a guest really uses. */
#include "bare.h"

#define BYTES (256UL << 20)
#define PAGE 4096UL

static unsigned char big[BYTES];

int main(void)
{
    for (unsigned long i = 0; i < BYTES; i += PAGE) {
        big[i] = (unsigned char) (i / PAGE);
        big[i + PAGE - 1] = 1;
    }
    unsigned long sum = 0;
    for (unsigned long i = 0; i < BYTES; i += PAGE) {
        sum += big[i] + big[i + PAGE - 1];
    }
    /* 65536 pages: each adds its low byte (0..255, 256 times over) plus 1. */
    bare_puts(sum == 256UL * (255UL * 256 / 2) + 65536 ? "touched 256 MiB\n" : "wrong sum\n");
    return 0;
}
