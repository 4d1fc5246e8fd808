/* Bit and size arithmetic of seL4's libutils: BIT, MASK, ARRAY_SIZE, MIN, MAX and rounding to
   a power of two given in bits. */
#pragma once

#define BIT(n) (1UL << (n))
#define MASK(n) (BIT(n) - 1UL)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define IS_ALIGNED(n, bits) (((n) & MASK(bits)) == 0)
#define ROUND_DOWN(n, bits) (((n) >> (bits)) << (bits))
#define ROUND_UP(n, bits) ((((n) + MASK(bits)) >> (bits)) << (bits))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
