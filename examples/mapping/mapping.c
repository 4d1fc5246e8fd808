/*
 * The seL4 "mapping" tutorial (sel4-tutorials tutorials/mapping), ported to riscv64 Sv39.
 *
 * The x86 original maps a frame at 0xA000000000, which is above seL4_UserTop on riscv64
 * (0x3ffffff000), so this port uses 0xA0000000: an address in the third GiB, where the root
 * task has no paging structures. Sv39 has two levels below the VSpace root, both plain
 * seL4_RISCV_PageTable objects, so it takes two seL4_RISCV_PageTable_Map calls (first the table
 * for the 1 GiB region, then the one for the 2 MiB region) before seL4_RISCV_Page_Map works.
 * seL4_MappingFailedLookupLevel() says which is missing: 30 bits left, then 21.
 *
 * The frame is mapped read-only: reading it works (a new frame reads as zeros), writing to it
 * is a VM fault. The root task has no fault handler, so the kernel prints its double-fault
 * report and the thread stops before "Success!".
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4/sel4_arch/mapping.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4tutorials/alloc.h>
#include <utils/util.h>

#define TEST_VADDR 0xA0000000UL

static seL4_Error map_frame(seL4_CPtr frame)
{
    /* map a read-only page at TEST_VADDR */
    seL4_Error error = seL4_RISCV_Page_Map(frame, seL4_CapInitThreadVSpace, TEST_VADDR, seL4_CanRead,
                                           seL4_RISCV_Default_VMAttributes);
    if (error == seL4_FailedLookup) {
        printf("Missing intermediate paging structure at level %lu\n", seL4_MappingFailedLookupLevel());
    }
    return error;
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_Error error;
    seL4_CPtr frame = alloc_object(info, seL4_RISCV_4K_Page, 0);
    seL4_CPtr pt_1g = alloc_object(info, seL4_RISCV_PageTableObject, 0);
    seL4_CPtr pt_2m = alloc_object(info, seL4_RISCV_PageTableObject, 0);

    error = map_frame(frame);
    ZF_LOGF_IF(error != seL4_FailedLookup, "Expected a missing page table");

    /* map the page table that covers the 1 GiB region of TEST_VADDR */
    error = seL4_RISCV_PageTable_Map(pt_1g, seL4_CapInitThreadVSpace, TEST_VADDR, seL4_RISCV_Default_VMAttributes);
    ZF_LOGF_IF(error != seL4_NoError, "Failed to map the first page table");
    error = map_frame(frame);
    ZF_LOGF_IF(error != seL4_FailedLookup, "Expected a missing page table");

    /* map the page table that covers the 2 MiB region of TEST_VADDR */
    error = seL4_RISCV_PageTable_Map(pt_2m, seL4_CapInitThreadVSpace, TEST_VADDR, seL4_RISCV_Default_VMAttributes);
    ZF_LOGF_IF(error != seL4_NoError, "Failed to map the second page table");

    error = map_frame(frame);
    ZF_LOGF_IF(error != seL4_NoError, "Failed to map page");

    seL4_Word *x = (seL4_Word *) TEST_VADDR;
    printf("Read x: %lu\n", *x);

    /* write to the page we mapped */
    printf("Set x to 5\n");
    *x = 5;

    printf("Success!\n");

    return 0;
}
