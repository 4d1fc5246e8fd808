/* A guest for disassembly tests: integer arithmetic of every width, a jump table, gp-relative
   globals, string constants and calls, so the compiler emits most of RV64IMC. */
#include "bare.h"

long counter;
int small_global = 3;
static unsigned long table[16];
static const char done[] = "checksum done\n";

static unsigned long mix(unsigned long x, unsigned long y)
{
    unsigned long high = (unsigned long)(((unsigned __int128)x * y) >> 64);
    long signed_high = (long)(((__int128)(long)x * (long)y) >> 64);
    return (x * 0x9e3779b97f4a7c15UL) ^ (y >> 7) ^ (x << 13) ^ high ^ (unsigned long)signed_high;
}

static int classify(int c)
{
    switch (c) {
    case 0: return 17;
    case 1: return -3;
    case 2: return small_global * 5;
    case 3: return (int)(counter / 3);
    case 4: return (int)(counter % 7);
    case 5: return c << 4;
    case 6: return -c >> 1;
    case 7: return (int)((unsigned)c / 5u);
    default: return (int)((unsigned)c % 9u);
    }
}

static int words(int a, int b)
{
    int r = a * b;
    r += a / (b | 1);
    r -= (int)((unsigned)a % ((unsigned)b | 1u));
    r ^= a << (b & 31);
    r |= (int)((unsigned)a >> (b & 15));
    return r + (a >> 3) + (a < b) + ((unsigned)a < (unsigned)b);
}

long fold(const unsigned long *values, int n)
{
    long sum = 0;
    for (int i = 0; i < n; i++) {
        sum += (long)(values[i] & 0xff) - (long)(values[i] >> 56);
        if ((long)values[i] < 0) {
            sum = -sum;
        }
    }
    return sum;
}

int main(void)
{
    unsigned long acc = 0x12345678abcdefUL;
    for (int i = 0; i < 16; i++) {
        table[i] = mix(acc, (unsigned long)i * 0x1000003UL);
        acc += table[i] + (unsigned long)classify(i) + (unsigned long)words(i, 7 - i);
        counter++;
    }
    long result = fold(table, 16) + (long)acc;
    bare_puts(done);
    return (int)(result & 0x3f);
}
