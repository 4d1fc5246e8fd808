/*
 * Entry of a Faultline guest (reference §6.3). The kernel starts a root task at the ELF entry
 * with the boot info's address in a0 and neither sp nor gp set; a loader started program (a
 * system description) gets a0 = 0 and finds __sel4_ipc_buffer already written by the loader.
 *
 * _start sets gp and the static stack of link.ld, and when a0 != 0 records the boot info,
 * points __sel4_ipc_buffer at bootinfo->ipcBuffer and takes seL4_CapInitThreadTCB as the
 * thread's own TCB. It then calls main(0, argv) with an empty argv. .bss is not cleared: the
 * loader zero-fills it, and a loader's write to __sel4_ipc_buffer must survive.
 *
 * When main returns, its value (sign-extended to a word) goes to __sel4_exit_status and
 * __sel4_main_returned becomes 1, so that whoever runs the program (faultline run) can read its
 * exit status from memory afterwards. The thread then stops itself with
 * seL4_TCB_Suspend(__sel4_exit_tcb), written out here as the stub marshals it (reference §4.3:
 * a Call, a0 = the TCB cap, label TCBSuspend = 11, no caps, no MRs). A loader may bind
 * __sel4_exit_tcb to the program's TCB slot; if it is 0, or the Suspend returns, the thread
 * executes ebreak, a UserException the kernel reports, rather than running on past main.
 */
#define SEL4_BOOTINFO_IPC_BUFFER 32   /* offsetof(seL4_BootInfo, ipcBuffer), reference §6.2 */
#define SEL4_CAP_INIT_THREAD_TCB 1    /* reference §6.1 */
#define SEL4_LABEL_TCB_SUSPEND 11     /* reference §4.1 */
#define SEL4_SYS_CALL -1              /* reference §1.1 */

    .section .text.start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    beqz a0, 1f
    la t0, __sel4_boot_info
    sd a0, 0(t0)
    ld t1, SEL4_BOOTINFO_IPC_BUFFER(a0)
    la t0, __sel4_ipc_buffer
    sd t1, 0(t0)
    li t1, SEL4_CAP_INIT_THREAD_TCB
    la t0, __sel4_exit_tcb
    sd t1, 0(t0)
1:
    li a0, 0
    la a1, __sel4_argv
    call main
    la t0, __sel4_exit_status
    sd a0, 0(t0)
    li t1, 1
    la t0, __sel4_main_returned
    sd t1, 0(t0)
    la t0, __sel4_exit_tcb
    ld a0, 0(t0)
    beqz a0, 2f
    li a1, SEL4_LABEL_TCB_SUSPEND << 12
    li a2, 0
    li a3, 0
    li a4, 0
    li a5, 0
    li a7, SEL4_SYS_CALL
    ecall
2:
    ebreak
    j 2b
    .size _start, . - _start

/* seL4_BootInfo *seL4_GetBootInfo(void): the boot info of a root task, else a null pointer. */
    .text
    .globl seL4_GetBootInfo
    .type seL4_GetBootInfo, @function
seL4_GetBootInfo:
    la t0, __sel4_boot_info
    ld a0, 0(t0)
    ret
    .size seL4_GetBootInfo, . - seL4_GetBootInfo

    .section .rodata
    .balign 8
__sel4_argv:
    .dword 0

    .bss
    .balign 8
    .globl __sel4_ipc_buffer
    .type __sel4_ipc_buffer, @object
    .size __sel4_ipc_buffer, 8
__sel4_ipc_buffer:
    .zero 8
    .globl __sel4_boot_info
    .type __sel4_boot_info, @object
    .size __sel4_boot_info, 8
__sel4_boot_info:
    .zero 8
    .globl __sel4_exit_tcb
    .type __sel4_exit_tcb, @object
    .size __sel4_exit_tcb, 8
__sel4_exit_tcb:
    .zero 8
    .globl __sel4_exit_status
    .type __sel4_exit_status, @object
    .size __sel4_exit_status, 8
__sel4_exit_status:
    .zero 8
    .globl __sel4_main_returned
    .type __sel4_main_returned, @object
    .size __sel4_main_returned, 8
__sel4_main_returned:
    .zero 8
