/* A function in a second compilation unit, at the bottom of the guest's call chain. */
#include "helper.h"

int __attribute__((noinline)) helper_mix(int a, int b)
{
    int mixed = a;
    for (int i = 0; i < b; i++) {
        mixed = mixed * 3 + i;
    }
    return mixed & 0xff;
}
