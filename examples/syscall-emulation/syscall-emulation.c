/*
 * syscall-emulation: a thread makes Linux system calls (write, getpid, an unknown one, exit),
 * and an emulator serves them. seL4 knows none of these numbers (its own are negative), so each
 * ecall is an UnknownSyscall fault: the kernel sends the emulator the thread's FaultIP (the
 * ecall's address), sp, ra, a0..a6 and the number that was in a7, and blocks the thread.
 *
 * The emulator is the root task, the thread's fault handler (badge 100 = the thread's pid). It
 * answers with a fault reply of four words, FaultIP, sp, ra and a0, which the kernel writes back
 * into the thread's registers: the result in a0, and FaultIP + 4 so that the thread restarts
 * past its ecall (restarting at the ecall itself would fault again). A reply with label 0
 * restarts the thread; exit is answered with label 1, and a fault reply with any other label
 * leaves the thread inactive.
 *
 * Build: make -C examples; run: ./faultline run examples/target/syscall-emulation.elf
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include "../common/start_thread.h"

#define CLIENT_PID 100
#define CLIENT_PRIORITY 100

/* Linux riscv64 system call numbers, and the error the emulator answers others with. */
#define SYS_write 64
#define SYS_exit 93
#define SYS_getpid 172
#define SYS_unknown 999
#define ENOSYS 38

/* A Linux system call: the number in a7, the arguments in a0..a2 (a3..a6 zero), the result in a0. */
static long linux_call(long number, long arg0, long arg1, long arg2)
{
    register long a0 __asm__("a0") = arg0;
    register long a1 __asm__("a1") = arg1;
    register long a2 __asm__("a2") = arg2;
    register long a3 __asm__("a3") = 0;
    register long a4 __asm__("a4") = 0;
    register long a5 __asm__("a5") = 0;
    register long a6 __asm__("a6") = 0;
    register long a7 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7) : "memory");
    return a0;
}

static const char message[] = "Client: hello through an emulated write\n";
static char client_stack[4096] ALIGN(16);

static void client_main(void *arg0, void *arg1, void *arg2)
{
    (void) arg0;
    (void) arg1;
    (void) arg2;
    long written = linux_call(SYS_write, 1, (long) message, sizeof(message) - 1);
    printf("Client: write returned %ld\n", written);
    printf("Client: getpid returned %ld\n", linux_call(SYS_getpid, 0, 0, 0));
    printf("Client: system call %d returned %ld\n", SYS_unknown, linux_call(SYS_unknown, 0, 0, 0));
    linux_call(SYS_exit, 7, 0, 0);
    printf("Client: exit returned!\n");
}

/* Serves one call; answers the reply's label: 0 to resume the client, 1 to leave it stopped. */
static seL4_Word emulate(seL4_Word pid, seL4_Word *result)
{
    seL4_Word number = seL4_GetMR(seL4_UnknownSyscall_Syscall);
    switch (number) {
    case SYS_write: {
        /* The client shares this address space, so its buffer is readable here as it is. */
        const char *buffer = (const char *) seL4_GetMR(seL4_UnknownSyscall_A1);
        seL4_Word length = seL4_GetMR(seL4_UnknownSyscall_A2);
        for (seL4_Word i = 0; i < length; i++) {
            seL4_DebugPutChar(buffer[i]);
        }
        *result = length;
        return 0;
    }
    case SYS_getpid:
        *result = pid;
        return 0;
    case SYS_exit:
        printf("Emulator: process %lu exited with status %lu\n", (unsigned long) pid,
               (unsigned long) seL4_GetMR(seL4_UnknownSyscall_A0));
        return 1;
    default:
        printf("Emulator: process %lu made unknown system call %lu\n", (unsigned long) pid, (unsigned long) number);
        *result = -ENOSYS;
        return 0;
    }
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_CPtr endpoint = alloc_object(info, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = mint_badged(info, endpoint, CLIENT_PID);
    start_thread(info, "client", CLIENT_PRIORITY, fault_ep, client_main, NULL, client_stack + sizeof(client_stack));

    seL4_Word badge;
    seL4_MessageInfo_t message_info = seL4_Recv(endpoint, &badge);
    for (;;) {
        ZF_LOGF_IF(seL4_MessageInfo_get_label(message_info) != seL4_Fault_UnknownSyscall, "Expected an unknown syscall");
        ZF_LOGF_IF(seL4_MessageInfo_get_length(message_info) != seL4_UnknownSyscall_Length, "Expected 11 words");
        seL4_Word result = 0;
        if (emulate(badge, &result) != 0) {
            /* No restart: the client stays inactive, and the reply cap is gone. */
            seL4_Reply(seL4_MessageInfo_new(1, 0, 0, 0));
            break;
        }
        /* MR1 and MR2 still hold the client's sp and ra: the reply gives them back unchanged. */
        seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + 4);
        seL4_SetMR(seL4_UnknownSyscall_A0, result);
        message_info = seL4_ReplyRecv(endpoint, seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_A0 + 1), &badge);
    }
    printf("Emulator: done\n");
    return 0;
}
