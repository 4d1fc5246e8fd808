/*
 * After a Page_Map or PageTable_Map fails with seL4_FailedLookup, MR2 holds the bits left where
 * the page-table walk stopped (reference §4.3): 30 when a level-1 table is missing, 21
 * (SEL4_MAPPING_LOOKUP_NO_PT) when a last-level table is missing.
 */
#pragma once

#include <sel4/ipc_buffer.h>

#define SEL4_MAPPING_LOOKUP_LEVEL 2
#define SEL4_MAPPING_LOOKUP_NO_PT 21

LIBSEL4_INLINE_FUNC seL4_Word seL4_MappingFailedLookupLevel(void)
{
    return seL4_GetMR(SEL4_MAPPING_LOOKUP_LEVEL);
}
