/* What crt0.S hands main: gp, sp, the boot info, the IPC buffer pointer, argc and argv. */
#include <sel4/sel4.h>

seL4_Word seen[8];

int main(int argc, char *argv[])
{
    seL4_Word gp, sp;
    __asm__ volatile("mv %0, gp" : "=r"(gp));
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    seen[0] = gp;
    seen[1] = sp;
    seen[2] = (seL4_Word) seL4_GetBootInfo();
    seen[3] = (seL4_Word) seL4_GetIPCBuffer();
    seen[4] = (seL4_Word) argc;
    seen[5] = (seL4_Word) argv;
    seen[6] = (seL4_Word) argv[0];
    seen[7] = 0x600d;
    return 42;
}
