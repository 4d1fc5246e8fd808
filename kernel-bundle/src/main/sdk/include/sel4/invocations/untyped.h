/* The Untyped invocation (reference §4.3): Retype, with the destination CNode as extra cap 0. */
#pragma once

#include <sel4/invocations/invoke.h>

LIBSEL4_INLINE_FUNC seL4_Error seL4_Untyped_Retype(seL4_Untyped _service, seL4_Word type, seL4_Word size_bits,
                                                   seL4_CNode root, seL4_Word node_index, seL4_Word node_depth,
                                                   seL4_Word node_offset, seL4_Word num_objects)
{
    seL4_Word mr[4] = {type, size_bits, node_index, node_depth};
    seL4_SetCap(0, root);
    seL4_SetMR(4, node_offset);
    seL4_SetMR(5, num_objects);
    return sel4sdk_invoke(_service, UntypedRetype, 1, 6, mr);
}
