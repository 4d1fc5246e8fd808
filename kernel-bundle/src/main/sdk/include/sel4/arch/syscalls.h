/*
 * The RISC-V system call primitives under the stubs (reference §1.2): ecall with the call number
 * in a7, the cap in a0 (the badge on return), the message info in a1 and MR0..MR3 in a2..a5.
 * Each marks as changed exactly the registers the reference's stub table lists, and only the
 * receiving forms clobber "memory". The sending-only forms add an empty compiler barrier in front
 * of the ecall, so that message registers and caps already stored in the IPC buffer are written
 * before the kernel reads them; the barrier emits no instruction.
 */
#pragma once

#include <sel4/macros.h>
#include <sel4/types.h>

#define SEL4_SDK_STORES_BEFORE_ECALL() __asm__ volatile("" ::: "memory")

/* Send and NBSend: a0 = dest, a1 = info, a2..a5 = MR0..3; a0..a5 marked in/out. */
LIBSEL4_INLINE_FUNC void riscv_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info_arg, seL4_Word mr0,
                                        seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word destptr __asm__("a0") = dest;
    register seL4_Word info __asm__("a1") = info_arg;
    register seL4_Word msg0 __asm__("a2") = mr0;
    register seL4_Word msg1 __asm__("a3") = mr1;
    register seL4_Word msg2 __asm__("a4") = mr2;
    register seL4_Word msg3 __asm__("a5") = mr3;
    register seL4_Word scno __asm__("a7") = sys;
    SEL4_SDK_STORES_BEFORE_ECALL();
    __asm__ volatile("ecall"
                     : "+r"(destptr), "+r"(info), "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3)
                     : "r"(scno));
}

/* Signal: a Send with info 0 and no message registers; a0..a5 marked changed. */
LIBSEL4_INLINE_FUNC void riscv_sys_send_null(seL4_Word sys, seL4_Word dest, seL4_Word info_arg)
{
    register seL4_Word destptr __asm__("a0") = dest;
    register seL4_Word info __asm__("a1") = info_arg;
    register seL4_Word scno __asm__("a7") = sys;
    __asm__ volatile("ecall" : "+r"(destptr), "+r"(info) : "r"(scno) : "a2", "a3", "a4", "a5");
}

/* Reply (non-MCS): a1 = info, a2..a5 = MR0..3, a0 unused; a1..a5 marked in/out. */
LIBSEL4_INLINE_FUNC void riscv_sys_reply(seL4_Word sys, seL4_Word info_arg, seL4_Word mr0, seL4_Word mr1,
                                         seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word info __asm__("a1") = info_arg;
    register seL4_Word msg0 __asm__("a2") = mr0;
    register seL4_Word msg1 __asm__("a3") = mr1;
    register seL4_Word msg2 __asm__("a4") = mr2;
    register seL4_Word msg3 __asm__("a5") = mr3;
    register seL4_Word scno __asm__("a7") = sys;
    SEL4_SDK_STORES_BEFORE_ECALL();
    __asm__ volatile("ecall" : "+r"(info), "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3) : "r"(scno));
}

/* Recv and NBRecv: a0 = src in, badge out; a1 = info and a2..a5 = MR0..3 out; memory clobbered. */
LIBSEL4_INLINE_FUNC void riscv_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge, seL4_Word *out_info,
                                        seL4_Word *out_mr0, seL4_Word *out_mr1, seL4_Word *out_mr2,
                                        seL4_Word *out_mr3)
{
    register seL4_Word src_and_badge __asm__("a0") = src;
    register seL4_Word info __asm__("a1");
    register seL4_Word msg0 __asm__("a2");
    register seL4_Word msg1 __asm__("a3");
    register seL4_Word msg2 __asm__("a4");
    register seL4_Word msg3 __asm__("a5");
    register seL4_Word scno __asm__("a7") = sys;
    __asm__ volatile("ecall"
                     : "+r"(src_and_badge), "=r"(info), "=r"(msg0), "=r"(msg1), "=r"(msg2), "=r"(msg3)
                     : "r"(scno)
                     : "memory");
    *out_badge = src_and_badge;
    *out_info = info;
    *out_mr0 = msg0;
    *out_mr1 = msg1;
    *out_mr2 = msg2;
    *out_mr3 = msg3;
}

/* Call and ReplyRecv: a0..a5 in and out; memory clobbered. */
LIBSEL4_INLINE_FUNC void riscv_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                             seL4_Word info_arg, seL4_Word *out_info, seL4_Word *in_out_mr0,
                                             seL4_Word *in_out_mr1, seL4_Word *in_out_mr2, seL4_Word *in_out_mr3)
{
    register seL4_Word destptr __asm__("a0") = dest;
    register seL4_Word info __asm__("a1") = info_arg;
    register seL4_Word msg0 __asm__("a2") = *in_out_mr0;
    register seL4_Word msg1 __asm__("a3") = *in_out_mr1;
    register seL4_Word msg2 __asm__("a4") = *in_out_mr2;
    register seL4_Word msg3 __asm__("a5") = *in_out_mr3;
    register seL4_Word scno __asm__("a7") = sys;
    __asm__ volatile("ecall"
                     : "+r"(destptr), "+r"(info), "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3)
                     : "r"(scno)
                     : "memory");
    *out_badge = destptr;
    *out_info = info;
    *in_out_mr0 = msg0;
    *in_out_mr1 = msg1;
    *in_out_mr2 = msg2;
    *in_out_mr3 = msg3;
}

/* Yield, DebugHalt, DebugSnapshot: a7 only. */
LIBSEL4_INLINE_FUNC void riscv_sys_null(seL4_Word sys)
{
    register seL4_Word scno __asm__("a7") = sys;
    __asm__ volatile("ecall" : : "r"(scno));
}
