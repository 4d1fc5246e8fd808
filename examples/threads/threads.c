/*
 * threads: seL4's "Threads" tutorial as a root task.
 *
 * In the tutorial a loader (capDL) hands the program its caps; here the root task finds
 * everything itself. It makes a second thread that shares its address space and its CSpace:
 *
 *   1. retypes a TCB out of untyped memory;
 *   2. configures it: CSpace, VSpace and IPC buffer, then its priority, then its name;
 *   3. reads its registers, and writes pc, sp, gp and the arguments a0..a2;
 *   4. resumes it: the new thread prints, calls the main thread, and the two take turns;
 *   5. suspends it again.
 *
 * seL4_DebugDumpScheduler prints the kernel's table of threads along the way: each thread's
 * name, state, the address it restarts at (IP) and its priority. The IP column is an address
 * in this program, so it changes when the program is built differently.
 *
 * Build: make -C examples; run: ./faultline run examples/target/threads.elf
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4utils/helpers.h>
#include <sel4utils/strerror.h>
#include <utils/util.h>

/* SDK's link.ld places the program's image at 0x10000; the kernel gives the root task one frame
   cap per page of it, in order, from bootinfo->userImageFrames.start. */
#define IMAGE_START 0x10000UL
#define PAGE_BITS 12

/* The new thread's stack and IPC buffer are ordinary memory of this program (.bss), so they
   need no new mappings. An IPC buffer takes 1 KiB, aligned to 1 KiB: seL4_IPCBuffer's type
   says so. The stack grows down from its top, which must be 16-byte aligned. */
static seL4_IPCBuffer thread_ipc_buffer;
static char thread_stack[16 * 1024] ALIGN(16);

/* The endpoint the two threads meet at. Both threads share this memory and this CSpace, so the
   new thread can read the slot number here. */
static seL4_CPtr endpoint;

static int data = 42;

static void call_once(int arg)
{
    printf("Hello 3 %d\n", arg);
}

/*
 * The new thread starts here with a0..a2 as its arguments. It has no return address to go
 * back to: it ends when the main thread suspends it.
 *
 * This SDK keeps libsel4's IPC buffer pointer (seL4_GetIPCBuffer) in one global variable, like
 * libsel4 without thread-local storage: in this shared address space it points at the main
 * thread's buffer. So this thread uses the ...WithMRs system calls, which carry MR0..MR3 in
 * registers and never touch that buffer.
 */
static void new_thread(void *arg1, void *arg2, void *arg3)
{
    printf("new thread: running, arg3 = %lu\n", (unsigned long) arg3);
    void (*func)(int) = (void (*)(int)) arg1;
    func(*(int *) arg2);

    /* A Call sends MR0 and blocks until the main thread replies. */
    seL4_Word word = 1;
    printf("new thread: calling the main thread with %lu\n", (unsigned long) word);
    seL4_CallWithMRs(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &word, NULL, NULL, NULL);
    printf("new thread: the main thread replied %lu\n", (unsigned long) word);

    /* A Send does not wait for an answer: the main thread, of higher priority, runs at once. */
    word = 3;
    printf("new thread: sending %lu\n", (unsigned long) word);
    seL4_SendWithMRs(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &word, NULL, NULL, NULL);
    printf("new thread: never printed: the main thread suspends this thread first\n");
}

/* Retypes one object of the type from the first untyped of normal memory big enough, into slot. */
static void retype(seL4_BootInfo *info, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
    for (seL4_CPtr untyped = info->untyped.start; untyped < info->untyped.end; untyped++) {
        seL4_UntypedDesc *desc = &info->untypedList[untyped - info->untyped.start];
        if (desc->isDevice || desc->sizeBits < size_bits) {
            continue;
        }
        seL4_Error error = seL4_Untyped_Retype(untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1);
        if (error == seL4_NoError) {
            return;
        }
        /* An untyped that is too full answers NotEnoughMemory: try the next one. */
        ZF_LOGF_IF(error != seL4_NotEnoughMemory, "Failed to retype: %s", sel4_strerror(error));
    }
    ZF_LOGF("No untyped memory left");
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_CPtr tcb = info->empty.start;
    endpoint = info->empty.start + 1;

    /* 1. A TCB is made from untyped memory like any object: 2^seL4_TCBBits bytes. */
    retype(info, seL4_TCBObject, seL4_TCBBits, tcb);
    retype(info, seL4_EndpointObject, seL4_EndpointBits, endpoint);
    printf("main: retyped a TCB\n");
    seL4_DebugDumpScheduler();

    /* 2. The new thread gets our CSpace and VSpace (no fault endpoint: a fault would stop it
       with a kernel message) and its IPC buffer: the address as the thread sees it, and the cap
       to the frame that holds it, the image frame of that page. */
    seL4_Word buffer = (seL4_Word) &thread_ipc_buffer;
    seL4_CPtr buffer_frame = info->userImageFrames.start + ((buffer - IMAGE_START) >> PAGE_BITS);
    seL4_Error error = seL4_TCB_Configure(tcb, seL4_CapNull, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
                                          buffer, buffer_frame);
    ZF_LOGF_IF(error, "Failed to configure thread: %s", sel4_strerror(error));

    /* A new TCB has priority 0. Setting one takes the authority of a TCB whose maximum
       controlled priority allows it: ours is 255. The new thread runs just below us. */
    error = seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 254);
    ZF_LOGF_IF(error, "Failed to set the priority for the new TCB object: %s", sel4_strerror(error));

    /* The kernel names a new thread after its creator; give it a name of its own. */
    seL4_DebugNameThread(tcb, "new_thread");

    /* 3. A new thread's registers are all 0. Set pc, sp, gp and the arguments a0..a2 as
       libsel4utils does on RISC-V, and write them back. */
    seL4_UserContext regs = {0};
    error = seL4_TCB_ReadRegisters(tcb, 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    ZF_LOGF_IF(error, "Failed to read the new thread's register set: %s", sel4_strerror(error));
    printf("main: the new thread's registers: pc %#lx, sp %#lx\n", (unsigned long) regs.pc, (unsigned long) regs.sp);

    sel4utils_arch_init_local_context((sel4utils_thread_entry_fn) new_thread, (void *) call_once, (void *) &data,
                                      (void *) 3, thread_stack + sizeof(thread_stack), &regs);
    error = seL4_TCB_WriteRegisters(tcb, 0, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    ZF_LOGF_IF(error, "Failed to write the new thread's register set: %s", sel4_strerror(error));
    seL4_DebugDumpScheduler();

    /* 4. Resume makes it runnable. It runs only when we block, being of lower priority. */
    error = seL4_TCB_Resume(tcb);
    ZF_LOGF_IF(error, "Failed to start new thread: %s", sel4_strerror(error));
    printf("main: resumed the new thread, now waiting for its call\n");

    seL4_Word badge;
    seL4_MessageInfo_t message = seL4_Recv(endpoint, &badge);
    printf("main: the new thread called with %lu\n", (unsigned long) seL4_GetMR(0));
    seL4_DebugDumpScheduler();

    /* The new thread waits for this reply; we go on waiting for its next message. */
    seL4_SetMR(0, 2);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    message = seL4_Recv(endpoint, &badge);
    printf("main: the new thread sent %lu in %lu word\n", (unsigned long) seL4_GetMR(0),
           (unsigned long) seL4_MessageInfo_get_length(message));

    /* 5. Suspend stops it where it is: it will run no more. */
    error = seL4_TCB_Suspend(tcb);
    ZF_LOGF_IF(error, "Failed to suspend the new thread: %s", sel4_strerror(error));
    seL4_DebugDumpScheduler();
    printf("main: done\n");
    return 0;
}
