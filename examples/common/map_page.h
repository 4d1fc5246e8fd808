/*
 * Mapping a frame where page tables may be missing, as the examples' pagers do: Page_Map fails
 * with seL4_FailedLookup while a table on the way is missing (seL4_MappingFailedLookupLevel()
 * says which: 30 bits left for the 1 GiB level, 21 for the 2 MiB level), so map one and retry.
 * Include it as "../common/map_page.h".
 */
#pragma once

#include <sel4/sel4.h>
#include <sel4/sel4_arch/mapping.h>
#include <utils/util.h>

/* Answers a new page table for the region of vaddr whose table is missing (at level bits). */
typedef seL4_CPtr (*new_page_table_fn)(seL4_Word vaddr, seL4_Word level);

static inline void map_page(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, seL4_CapRights_t rights,
                            new_page_table_fn new_page_table)
{
    for (;;) {
        seL4_Error error = seL4_RISCV_Page_Map(frame, vspace, vaddr, rights, seL4_RISCV_Default_VMAttributes);
        if (error != seL4_FailedLookup) {
            ZF_LOGF_IF(error, "Failed to map a frame at 0x%lx", (unsigned long) vaddr);
            return;
        }
        seL4_CPtr table = new_page_table(vaddr, seL4_MappingFailedLookupLevel());
        error = seL4_RISCV_PageTable_Map(table, vspace, vaddr, seL4_RISCV_Default_VMAttributes);
        ZF_LOGF_IF(error, "Failed to map a page table for 0x%lx", (unsigned long) vaddr);
    }
}
