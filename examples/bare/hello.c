/* The smallest guest: prints a line and exits with status 0. */
#include "bare.h"

int main(void)
{
    bare_puts("hello from a RISC-V guest\n");
    return 0;
}
