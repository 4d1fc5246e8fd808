/* The register helpers of libsel4utils for RISC-V (instruction and stack pointer of a
   seL4_UserContext), with the libutils and IFERR logging macros the tutorials use beside them. */
#pragma once

#include <sel4/sel4.h>
#include <sel4utils/sel4_zf_logif.h>
#include <utils/util.h>

static inline void sel4utils_set_instruction_pointer(seL4_UserContext *regs, seL4_Word value)
{
    regs->pc = value;
}

static inline seL4_Word sel4utils_get_instruction_pointer(seL4_UserContext regs)
{
    return regs.pc;
}

static inline void sel4utils_set_stack_pointer(seL4_UserContext *regs, seL4_Word value)
{
    regs->sp = value;
}

static inline seL4_Word sel4utils_get_sp(seL4_UserContext regs)
{
    return regs.sp;
}

/* Whether the VM fault in the message registers was a read (FSR 1 fetch or 5 load, §2.2). */
static inline int sel4utils_is_read_fault(void)
{
    seL4_Word fsr = seL4_GetMR(seL4_VMFault_FSR);
    return fsr == 1 || fsr == 5;
}
