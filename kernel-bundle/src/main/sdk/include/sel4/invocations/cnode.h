/*
 * CNode invocations (reference §4.3). The invoked CNode with (index, depth) names the target
 * slot; a source or pivot root CNode travels as an extra cap; depths are Uint8, rights one word.
 */
#pragma once

#include <sel4/cap_rights.h>
#include <sel4/invocations/invoke.h>

LIBSEL4_INLINE_FUNC seL4_Error sel4sdk_cnode_slot_op(seL4_CNode _service, seL4_Word label, seL4_Word index,
                                                     seL4_Uint8 depth)
{
    seL4_Word mr[4] = {index, SEL4_SDK_UINT8(depth), 0, 0};
    return sel4sdk_invoke(_service, label, 0, 2, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Revoke(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return sel4sdk_cnode_slot_op(_service, CNodeRevoke, index, depth);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Delete(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return sel4sdk_cnode_slot_op(_service, CNodeDelete, index, depth);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_CancelBadgedSends(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return sel4sdk_cnode_slot_op(_service, CNodeCancelBadgedSends, index, depth);
}

/* Moves this thread's reply cap (its caller slot) into the slot. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_SaveCaller(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return sel4sdk_cnode_slot_op(_service, CNodeSaveCaller, index, depth);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Copy(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                               seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                               seL4_CapRights_t rights)
{
    seL4_Word mr[4] = {dest_index, SEL4_SDK_UINT8(dest_depth), src_index, SEL4_SDK_UINT8(src_depth)};
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, rights.words[0]);
    return sel4sdk_invoke(_service, CNodeCopy, 1, 5, mr);
}

/* A Copy that also sets the badge (endpoint, notification) or guard data (CNode) of the copy. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Mint(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                               seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                               seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_Word mr[4] = {dest_index, SEL4_SDK_UINT8(dest_depth), src_index, SEL4_SDK_UINT8(src_depth)};
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, rights.words[0]);
    seL4_SetMR(5, badge);
    return sel4sdk_invoke(_service, CNodeMint, 1, 6, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Move(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                               seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_Word mr[4] = {dest_index, SEL4_SDK_UINT8(dest_depth), src_index, SEL4_SDK_UINT8(src_depth)};
    seL4_SetCap(0, src_root);
    return sel4sdk_invoke(_service, CNodeMove, 1, 4, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Mutate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                                 seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                                 seL4_Word badge)
{
    seL4_Word mr[4] = {dest_index, SEL4_SDK_UINT8(dest_depth), src_index, SEL4_SDK_UINT8(src_depth)};
    seL4_SetCap(0, src_root);
    seL4_SetMR(4, badge);
    return sel4sdk_invoke(_service, CNodeMutate, 1, 5, mr);
}

/* Moves pivot to dest and src to pivot in one step, setting both badges. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_CNode_Rotate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                                 seL4_Word dest_badge, seL4_CNode pivot_root, seL4_Word pivot_index,
                                                 seL4_Uint8 pivot_depth, seL4_Word pivot_badge, seL4_CNode src_root,
                                                 seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_Word mr[4] = {dest_index, SEL4_SDK_UINT8(dest_depth), dest_badge, pivot_index};
    seL4_SetCap(0, pivot_root);
    seL4_SetCap(1, src_root);
    seL4_SetMR(4, SEL4_SDK_UINT8(pivot_depth));
    seL4_SetMR(5, pivot_badge);
    seL4_SetMR(6, src_index);
    seL4_SetMR(7, SEL4_SDK_UINT8(src_depth));
    return sel4sdk_invoke(_service, CNodeRotate, 2, 8, mr);
}
