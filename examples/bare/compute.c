/* A compute-bound guest for benchmarks: CRC-32, quicksort and matrix multiplication, repeated
   ROUNDS times; prints one checksum so a wrong result shows. About two billion instructions. */
#include "bare.h"

#ifndef ROUNDS
#define ROUNDS 250
#endif

#define BUFFER_BYTES 65536
#define SORT_COUNT 16384
#define N 48

static unsigned char buffer[BUFFER_BYTES];
static int numbers[SORT_COUNT];
static long a[N][N], b[N][N], c[N][N];

static unsigned long lcg(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return *state >> 33;
}

static unsigned crc32(const unsigned char *data, unsigned long length)
{
    unsigned crc = 0xffffffffu;
    for (unsigned long i = 0; i < length; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
        }
    }
    return ~crc;
}

static void quicksort(int *v, long lo, long hi)
{
    while (lo < hi) {
        int pivot = v[(lo + hi) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                int t = v[i]; v[i] = v[j]; v[j] = t;
                i++; j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
}

static long matmul(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            long sum = 0;
            for (int k = 0; k < N; k++) {
                sum += a[i][k] * b[k][j];
            }
            c[i][j] = sum;
        }
    }
    long trace = 0;
    for (int i = 0; i < N; i++) {
        trace += c[i][i];
    }
    return trace;
}

static void put_hex(unsigned long value)
{
    char text[17];
    for (int i = 15; i >= 0; i--) {
        text[i] = "0123456789abcdef"[value & 15];
        value >>= 4;
    }
    text[16] = 0;
    bare_puts(text);
}

int main(void)
{
    unsigned long state = 1, checksum = 0;
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < BUFFER_BYTES; i++) {
            buffer[i] = (unsigned char) lcg(&state);
        }
        checksum = checksum * 31 + crc32(buffer, BUFFER_BYTES);
        for (int i = 0; i < SORT_COUNT; i++) {
            numbers[i] = (int) lcg(&state);
        }
        quicksort(numbers, 0, SORT_COUNT - 1);
        for (int i = 1; i < SORT_COUNT; i++) {
            if (numbers[i - 1] > numbers[i]) {
                bare_puts("compute: sort failed\n");
                return 1;
            }
        }
        checksum = checksum * 31 + (unsigned long) numbers[SORT_COUNT / 2];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = (long) (lcg(&state) & 0xffff) - 0x8000;
                b[i][j] = (long) (lcg(&state) & 0xffff) - 0x8000;
            }
        }
        checksum = checksum * 31 + (unsigned long) matmul();
    }
    bare_puts("compute checksum ");
    put_hex(checksum);
    bare_puts("\n");
    return 0;
}
