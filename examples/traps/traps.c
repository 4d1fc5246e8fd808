/*
 * traps: the cases of a teaching kernel's trap lab (a breakpoint, an illegal instruction, a load
 * from and a store to an unmapped address, an unknown system call, and a jump to an unmapped
 * address), seL4-style: each trap is a fault the kernel sends to the thread's fault handler.
 *
 *   CODE_VADDR + 0x00  ebreak          UserException, Number 3 (scause breakpoint)
 *              + 0x04  unimp           UserException, Number 2 (illegal instruction)
 *              + 0x08  ld t0, 0(a0)    VMFault, FSR 5 (load), Addr = a0
 *              + 0x0c  sd t0, 0(a1)    VMFault, FSR 7 (store), Addr = a1
 *              + 0x10  ecall           UnknownSyscall, a7 = 999
 *              + 0x14  jalr s1         VMFault, FSR 1 (fetch), prefetch 1: IP = Addr = s1, ra = + 0x18
 *              + 0x18  jr s0           on to trapper_done
 *
 * The root task writes these seven instructions into a page it maps at a fixed address, with a
 * stack page after it, so that the kernel's reports name the same addresses whatever the layout
 * of this program.
 *
 * First, with no handler: six threads each start at one of the six traps. A thread with no
 * fault handler (fault endpoint seL4_CapNull) that faults makes the kernel look up CPtr 0, a
 * cap fault, so it prints its double-fault report and stops the thread.
 *
 * Then, with a handler: one thread runs through all six, and the root task, its handler,
 * reports each fault and resumes the thread after the instruction. A user exception or an
 * unknown syscall is resumed by a fault reply that sets FaultIP (MR0) four bytes on. A VM fault
 * reply always restarts the faulting instruction, so the handler instead writes the thread's pc
 * with TCB_WriteRegisters, which restarts the faulted thread there (and drops its reply cap):
 * after a load or store, four bytes on; after a fetch fault, whose IP is the jump's target, at
 * the return address the jalr left in ra.
 *
 * Build: make -C examples; run: ./faultline run examples/target/traps.elf
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include "../common/map_page.h"
#include "../common/start_thread.h"

#define CODE_VADDR 0x40000000UL
#define STACK_VADDR (CODE_VADDR + 0x1000)
#define STACK_TOP (STACK_VADDR + 0x1000)
#define UNMAPPED_LOAD 0x50000000UL
#define UNMAPPED_STORE 0x50000008UL
#define UNMAPPED_CODE 0x50000010UL
#define UNKNOWN_SYSCALL 999
#define FAULT_BADGE 7

static const seL4_Word trap_code[] = {
    0x00100073, /* ebreak */
    0xc0001073, /* unimp (csrrw zero, cycle, zero: a write to a read-only counter) */
    0x00053283, /* ld t0, 0(a0) */
    0x0055b023, /* sd t0, 0(a1) */
    0x00000073, /* ecall */
    0x000480e7, /* jalr s1 (jalr ra, 0(s1)) */
    0x00040067, /* jr s0 */
};

static const char *const trap_names[] = {"ebreak", "illegal", "load", "store", "syscall", "fetch"};
#define TRAPS ARRAY_SIZE(trap_names)

static seL4_CPtr trapper_tcb;

static seL4_BootInfo *boot_info;

static seL4_CPtr new_page_table(seL4_Word vaddr, seL4_Word level)
{
    (void) vaddr;
    (void) level;
    return alloc_object(boot_info, seL4_RISCV_PageTableObject, 0);
}

/* Maps a new frame at vaddr in the root task's VSpace, with the page tables on the way. */
static void map_new_page(seL4_BootInfo *info, seL4_Word vaddr)
{
    boot_info = info;
    map_page(alloc_object(info, seL4_RISCV_4K_Page, 0), seL4_CapInitThreadVSpace, vaddr, seL4_AllRights,
             new_page_table);
}

static void write_trap_code(void)
{
    volatile uint32_t *code = (volatile uint32_t *) CODE_VADDR;
    for (seL4_Word i = 0; i < ARRAY_SIZE(trap_code); i++) {
        code[i] = (uint32_t) trap_code[i];
    }
    __asm__ volatile(".word 0x0000100f" ::: "memory"); /* fence.i: the hart sees the new code */
}

/* Where the thread with a handler goes after the last trap (jr s0). */
static void trapper_done(void)
{
    printf("Trapper: ran past all %d traps\n", (int) TRAPS);
    seL4_TCB_Suspend(trapper_tcb);
}

/* A thread that starts at the trap at index, with the registers the traps use. */
static seL4_CPtr start_trapper(seL4_BootInfo *info, const char *name, seL4_Word priority, seL4_CPtr fault_ep,
                               seL4_Word index)
{
    seL4_CPtr tcb = new_thread(info, name, priority, fault_ep);
    seL4_UserContext regs = {0};
    /* 32 bytes below the top: a double-fault report shows these four (zero) words of stack. */
    sel4utils_arch_init_context((void *) (CODE_VADDR + 4 * index), (void *) (STACK_TOP - 32), &regs);
    regs.a0 = UNMAPPED_LOAD;
    regs.a1 = UNMAPPED_STORE;
    regs.a7 = UNKNOWN_SYSCALL;
    regs.s1 = UNMAPPED_CODE;
    regs.s0 = (seL4_Word) trapper_done;
    resume_with(tcb, &regs);
    return tcb;
}

static void without_handler(seL4_BootInfo *info)
{
    static char names[TRAPS][24];
    for (seL4_Word i = 0; i < TRAPS; i++) {
        snprintf(names[i], sizeof(names[i]), "no-handler-%s", trap_names[i]);
        printf("Root: %s\n", names[i]);
        /* At the root task's priority: the Yield lets it run until the kernel stops it. */
        start_trapper(info, names[i], seL4_MaxPrio, seL4_CapNull, i);
        seL4_Yield();
    }
}

/* Reports a fault; answers the fault's address, the pc to resume at minus 4. */
static seL4_Word report(seL4_MessageInfo_t info)
{
    seL4_Word pc;
    switch (seL4_MessageInfo_get_label(info)) {
    case seL4_Fault_UserException:
        pc = seL4_GetMR(seL4_UserException_FaultIP);
        printf("Handler: user exception %lu at 0x%lx\n", (unsigned long) seL4_GetMR(seL4_UserException_Number),
               (unsigned long) pc);
        return pc;
    case seL4_Fault_VMFault:
        pc = seL4_GetMR(seL4_VMFault_IP);
        printf("Handler: vm fault at 0x%lx: address 0x%lx, FSR %lu, prefetch %lu\n", (unsigned long) pc,
               (unsigned long) seL4_GetMR(seL4_VMFault_Addr), (unsigned long) seL4_GetMR(seL4_VMFault_FSR),
               (unsigned long) seL4_GetMR(seL4_VMFault_PrefetchFault));
        return pc;
    case seL4_Fault_UnknownSyscall:
        pc = seL4_GetMR(seL4_UnknownSyscall_FaultIP);
        printf("Handler: unknown system call %lu at 0x%lx\n", (unsigned long) seL4_GetMR(seL4_UnknownSyscall_Syscall),
               (unsigned long) pc);
        return pc;
    default:
        ZF_LOGF("Unexpected fault label %lu", (unsigned long) seL4_MessageInfo_get_label(info));
        return 0;
    }
}

static void with_handler(seL4_BootInfo *info)
{
    seL4_CPtr endpoint = alloc_object(info, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = mint_badged(info, endpoint, FAULT_BADGE);
    printf("Root: trapper, with this thread as its fault handler\n");
    trapper_tcb = start_trapper(info, "trapper", 100, fault_ep, 0);

    for (seL4_Word i = 0; i < TRAPS; i++) {
        seL4_Word badge;
        seL4_MessageInfo_t info = seL4_Recv(endpoint, &badge);
        ZF_LOGF_IF(badge != FAULT_BADGE, "Expected the fault badge");
        seL4_Word pc = report(info);
        if (seL4_MessageInfo_get_label(info) == seL4_Fault_VMFault) {
            /* A VM fault reply would restart the access: move the pc on instead. (Read the
               message first: ReadRegisters's reply overwrites the message registers.) */
            seL4_Word prefetch = seL4_GetMR(seL4_VMFault_PrefetchFault);
            seL4_UserContext regs;
            seL4_Error error = seL4_TCB_ReadRegisters(trapper_tcb, 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
            ZF_LOGF_IF(error || regs.pc != pc, "Expected the trapper's pc at its fault");
            regs.pc = prefetch ? regs.ra : pc + 4;
            error = seL4_TCB_WriteRegisters(trapper_tcb, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
            ZF_LOGF_IF(error, "Failed to move the trapper on");
        } else {
            /* MR0 (FaultIP) goes back four bytes on; length 1 writes nothing else. */
            seL4_SetMR(0, pc + 4);
            seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
        }
    }
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    map_new_page(info, CODE_VADDR);
    map_new_page(info, STACK_VADDR);
    write_trap_code();
    without_handler(info);
    with_handler(info);
    printf("Root: done\n");
    return 0;
}
