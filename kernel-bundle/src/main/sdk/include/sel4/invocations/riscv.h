/*
 * RISC-V paging and ASID invocations (reference §4.3): page tables, pages (with GetAddress and
 * its result struct), ASID control and ASID pools. The vspace argument is the root page table,
 * passed as extra cap 0.
 */
#pragma once

#include <sel4/cap_rights.h>
#include <sel4/invocations/invoke.h>

typedef struct seL4_RISCV_Page_GetAddress {
    int error;
    seL4_Word paddr;
} seL4_RISCV_Page_GetAddress_t;

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_PageTable_Map(seL4_RISCV_PageTable _service, seL4_RISCV_PageTable vspace,
                                                        seL4_Word vaddr, seL4_RISCV_VMAttributes attr)
{
    seL4_Word mr[4] = {vaddr, (seL4_Word) attr, 0, 0};
    seL4_SetCap(0, vspace);
    return sel4sdk_invoke(_service, RISCVPageTableMap, 1, 2, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_PageTable_Unmap(seL4_RISCV_PageTable _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, RISCVPageTableUnmap, 0, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_Page_Map(seL4_RISCV_Page _service, seL4_RISCV_PageTable vspace,
                                                   seL4_Word vaddr, seL4_CapRights_t rights,
                                                   seL4_RISCV_VMAttributes attr)
{
    seL4_Word mr[4] = {vaddr, rights.words[0], (seL4_Word) attr, 0};
    seL4_SetCap(0, vspace);
    return sel4sdk_invoke(_service, RISCVPageMap, 1, 3, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_Page_Unmap(seL4_RISCV_Page _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, RISCVPageUnmap, 0, 0, mr);
}

/* The frame's physical address, from the reply's MR0; paddr is 0 when error is set. */
LIBSEL4_INLINE_FUNC seL4_RISCV_Page_GetAddress_t seL4_RISCV_Page_GetAddress(seL4_RISCV_Page _service)
{
    seL4_RISCV_Page_GetAddress_t result;
    seL4_Word mr[4] = {0, 0, 0, 0};
    seL4_Error error = sel4sdk_invoke(_service, RISCVPageGetAddress, 0, 0, mr);
    result.error = (int) error;
    result.paddr = error == seL4_NoError ? mr[0] : 0;
    return result;
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_ASIDControl_MakePool(seL4_RISCV_ASIDControl _service, seL4_Untyped untyped,
                                                               seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {index, SEL4_SDK_UINT8(depth), 0, 0};
    seL4_SetCap(0, untyped);
    seL4_SetCap(1, root);
    return sel4sdk_invoke(_service, RISCVASIDControlMakePool, 2, 2, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_RISCV_ASIDPool_Assign(seL4_RISCV_ASIDPool _service, seL4_CPtr vspace)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    seL4_SetCap(0, vspace);
    return sel4sdk_invoke(_service, RISCVASIDPoolAssign, 1, 0, mr);
}
