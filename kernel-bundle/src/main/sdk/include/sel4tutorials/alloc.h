/*
 * The seL4 tutorials' allocator (reference §7.5): slots from bootinfo->empty.start upward, and
 * objects retyped from the first non-device untyped with room (size_bits 0 for fixed-size
 * objects). Nothing is ever freed; running out of slots or memory is fatal.
 */
#pragma once

#include <sel4/sel4.h>
#include <utils/util.h>

static inline seL4_CPtr alloc_slot(seL4_BootInfo *info)
{
    ZF_LOGF_IF(info->empty.start == info->empty.end, "No CSlots left!");
    return info->empty.start++;
}

static inline seL4_CPtr alloc_object(seL4_BootInfo *info, seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot = alloc_slot(info);
    for (seL4_CPtr untyped = info->untyped.start; untyped < info->untyped.end; untyped++) {
        if (info->untypedList[untyped - info->untyped.start].isDevice) {
            continue;
        }
        seL4_Error error = seL4_Untyped_Retype(untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1);
        if (error == seL4_NoError) {
            return slot;
        }
        ZF_LOGF_IF(error != seL4_NotEnoughMemory, "Failed to allocate an object of type %lu", (unsigned long) type);
    }
    ZF_LOGF("Out of untyped memory");
    return seL4_CapNull;
}
