/*
 * The word, capability pointer and typed cap names of libsel4 (riscv64), the register context
 * of TCB_ReadRegisters/WriteRegisters in the order of reference §3, and the VM attributes of
 * reference §4.4.
 */
#pragma once

#include <sel4/simple_types.h>

typedef seL4_Uint64 seL4_Word;
typedef seL4_Word seL4_Register;
typedef seL4_Word seL4_CPtr;
typedef seL4_Word seL4_NodeId;
typedef seL4_Word seL4_PAddr;
typedef seL4_Word seL4_Domain;
typedef seL4_Word seL4_SlotPos;

/* Cap pointers named for the object they should name; all are plain CPtrs. */
typedef seL4_CPtr seL4_CNode;
typedef seL4_CPtr seL4_IRQHandler;
typedef seL4_CPtr seL4_IRQControl;
typedef seL4_CPtr seL4_TCB;
typedef seL4_CPtr seL4_Untyped;
typedef seL4_CPtr seL4_DomainSet;
typedef seL4_CPtr seL4_RISCV_Page;
typedef seL4_CPtr seL4_RISCV_PageTable;
typedef seL4_CPtr seL4_RISCV_ASIDControl;
typedef seL4_CPtr seL4_RISCV_ASIDPool;

/* Attributes of a mapping (reference §4.4): bit 0 forbids execution. */
typedef enum {
    seL4_RISCV_ExecuteNever = 0x1,
    seL4_RISCV_Default_VMAttributes = 0
} seL4_RISCV_VMAttributes;

/* TCB flags for TCB_SetFlags (reference §4.3). */
typedef enum {
    seL4_TCBFlag_NoFlag = 0x0,
    seL4_TCBFlag_fpuDisabled = 0x1
} seL4_TCBFlag;

/* A thread's integer registers as TCB_ReadRegisters, WriteRegisters and CopyRegisters carry them:
   index 0..15 are the kernel's frame registers, 16..31 its gp registers (reference §3). */
typedef struct seL4_UserContext_ {
    seL4_Word pc, ra, sp, gp;
    seL4_Word s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
    seL4_Word a0, a1, a2, a3, a4, a5, a6, a7;
    seL4_Word t0, t1, t2, t3, t4, t5, t6;
    seL4_Word tp;
} seL4_UserContext;
