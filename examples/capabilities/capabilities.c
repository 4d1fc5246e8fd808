/*
 * capabilities: seL4's "Capabilities" tutorial as a root task.
 *
 * The root task starts with one CNode, its CSpace, full of the capabilities seL4 hands it at
 * boot (reference §6.1): its own TCB in slot seL4_CapInitThreadTCB, the CNode itself in slot
 * seL4_CapInitThreadCNode, and so on; the boot info says which slots are still empty. This
 * program:
 *
 *   1. works out the CNode's size from the boot info;
 *   2. copies the TCB cap into the first and the last empty slot, and invokes the copy;
 *   3. makes an endpoint and mints a badged copy of its cap;
 *   4. deletes one cap, and revokes caps together with everything derived from them;
 *   5. checks that slots are empty the way the tutorial does, by moving a slot onto itself;
 *   6. suspends itself.
 *
 * Along the way it provokes, on purpose, the errors a root task meets most: InvalidCapability,
 * DeleteFirst, FailedLookup and IllegalOperation, and prints what the kernel answered. (A debug
 * build of seL4 also prints a diagnostic line of its own for each refused invocation; Faultline
 * records those in its journal instead, as InvocationFailed events.)
 *
 * Build: make -C examples; run: ./faultline run examples/target/capabilities.elf
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4utils/strerror.h>
#include <utils/util.h>

/* Every CNode invocation names a slot by (CNode, index, depth). The root task's CSpace is one
   CNode whose cap carries a guard, so an index is resolved at depth seL4_WordBits (64). */
#define ROOT_CNODE seL4_CapInitThreadCNode
#define DEPTH seL4_WordBits

/* Retypes one endpoint from the first untyped of normal memory into slot, or stops. */
static void make_endpoint(seL4_BootInfo *info, seL4_CPtr slot)
{
    for (seL4_CPtr untyped = info->untyped.start; untyped < info->untyped.end; untyped++) {
        seL4_UntypedDesc *desc = &info->untypedList[untyped - info->untyped.start];
        if (desc->isDevice || desc->sizeBits < seL4_EndpointBits) {
            continue;
        }
        /* One object of type seL4_EndpointObject (its size is fixed, so size_bits is 0), placed
           in the CNode the root CNode cap names (node depth 0), at offset slot. */
        seL4_Error error = seL4_Untyped_Retype(untyped, seL4_EndpointObject, 0, ROOT_CNODE, 0, 0, slot, 1);
        if (error == seL4_NoError) {
            return;
        }
        /* An untyped that is too full answers NotEnoughMemory: try the next one. */
        ZF_LOGF_IF(error != seL4_NotEnoughMemory, "Failed to retype an endpoint: %s", sel4_strerror(error));
    }
    ZF_LOGF("No untyped memory for an endpoint");
}

int main(void)
{
    /* crt0 received the boot info's address from the kernel in a0 and kept it. */
    seL4_BootInfo *info = platsupport_get_bootinfo();

    /* 1. The CNode has 2^initThreadCNodeSizeBits slots, each 2^seL4_SlotBits bytes. */
    size_t initial_cnode_object_size = BIT(info->initThreadCNodeSizeBits);
    printf("Initial CNode is %zu slots in size\n", initial_cnode_object_size);
    size_t initial_cnode_object_size_bytes = initial_cnode_object_size * (1u << seL4_SlotBits);
    printf("The CNode is %zu bytes in size\n", initial_cnode_object_size_bytes);

    /* The empty slots are [empty.start, empty.end). We use the first few and the last one. */
    seL4_CPtr first_free_slot = info->empty.start;
    seL4_CPtr endpoint_slot = info->empty.start + 1;
    seL4_CPtr badged_slot = info->empty.start + 2;
    seL4_CPtr copy_slot = info->empty.start + 3;
    seL4_CPtr never_used_slot = info->empty.start + 4;
    seL4_CPtr last_slot = info->empty.end - 1;

    /* Invoking an empty slot: the kernel finds a null cap there and answers InvalidCapability,
       with MR0 saying which cap was wrong (0: the invoked one). This is the error the tutorial
       starts with. */
    seL4_Error error = seL4_TCB_SetPriority(last_slot, last_slot, 10);
    printf("SetPriority through the empty slot %lu: %s (cap %lu)\n", (unsigned long) last_slot,
           sel4_strerror(error), (unsigned long) seL4_GetMR(0));

    /* 2. Copy the TCB cap into the first free slot, then that copy into the last slot. The
       copies are children of the original in the capability derivation tree. */
    error = seL4_CNode_Copy(ROOT_CNODE, first_free_slot, DEPTH, ROOT_CNODE, seL4_CapInitThreadTCB, DEPTH,
                            seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to copy cap!");
    error = seL4_CNode_Copy(ROOT_CNODE, last_slot, DEPTH, ROOT_CNODE, first_free_slot, DEPTH, seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to copy cap!");
    printf("Copied the TCB cap into the first free slot and into slot %lu\n", (unsigned long) last_slot);

    /* The same invocation now reaches this thread's TCB: a copy is as good as the original. */
    error = seL4_TCB_SetPriority(last_slot, last_slot, 10);
    ZF_LOGF_IF(error, "Failed to set priority");
    printf("SetPriority through slot %lu: %s\n", (unsigned long) last_slot, sel4_strerror(error));

    /* A slot holds one cap: copying into a full slot is refused with DeleteFirst. */
    error = seL4_CNode_Copy(ROOT_CNODE, last_slot, DEPTH, ROOT_CNODE, seL4_CapInitThreadTCB, DEPTH, seL4_AllRights);
    printf("Copy into the full slot %lu: %s\n", (unsigned long) last_slot, sel4_strerror(error));

    /* Copying from an empty slot fails to look the source up. MR0 = 1 says it was the source,
       MR1 the lookup failure (2: missing capability), MR2 the bits left unresolved. */
    error = seL4_CNode_Copy(ROOT_CNODE, copy_slot, DEPTH, ROOT_CNODE, never_used_slot, DEPTH, seL4_AllRights);
    printf("Copy from an empty slot: %s (source %lu, lookup failure %lu, bits left %lu)\n", sel4_strerror(error),
           (unsigned long) seL4_GetMR(0), (unsigned long) seL4_GetMR(1), (unsigned long) seL4_GetMR(2));

    /* 3. Mint: a copy that also sets a badge, here on a new endpoint's cap. A receiver on the
       endpoint sees the badge of the cap a message was sent through. */
    make_endpoint(info, endpoint_slot);
    printf("Retyped an endpoint: its cap has type %u\n", (unsigned) seL4_DebugCapIdentify(endpoint_slot));
    error = seL4_CNode_Mint(ROOT_CNODE, badged_slot, DEPTH, ROOT_CNODE, endpoint_slot, DEPTH, seL4_AllRights, 0x42);
    ZF_LOGF_IF(error, "Failed to mint a badged endpoint cap");
    printf("Minted a copy with badge 0x42: %s\n", sel4_strerror(error));

    /* A badge is set once: minting from a badged cap is an IllegalOperation... */
    error = seL4_CNode_Mint(ROOT_CNODE, copy_slot, DEPTH, ROOT_CNODE, badged_slot, DEPTH, seL4_AllRights, 0x43);
    printf("Mint badge 0x43 from the badged cap: %s\n", sel4_strerror(error));

    /* ...but it may be copied, with fewer rights if we like: the copy keeps badge 0x42. */
    error = seL4_CNode_Copy(ROOT_CNODE, copy_slot, DEPTH, ROOT_CNODE, badged_slot, DEPTH, seL4_CanWrite);
    ZF_LOGF_IF(error, "Failed to copy the badged cap");
    printf("Copied the badged cap, write right only: %s\n", sel4_strerror(error));

    /* 4. Delete removes the cap in one slot. */
    error = seL4_CNode_Delete(ROOT_CNODE, copy_slot, DEPTH);
    ZF_LOGF_IF(error, "Failed to delete the copy");
    printf("Deleted the copy: the slot now holds cap type %u\n", (unsigned) seL4_DebugCapIdentify(copy_slot));

    /* Revoke removes every cap derived from the one named, and keeps that one: revoking the
       endpoint's original cap deletes the badged copy. */
    error = seL4_CNode_Revoke(ROOT_CNODE, endpoint_slot, DEPTH);
    ZF_LOGF_IF(error, "Failed to revoke the endpoint cap");
    printf("Revoked the endpoint cap: the badged slot holds cap type %u, the original type %u\n",
           (unsigned) seL4_DebugCapIdentify(badged_slot), (unsigned) seL4_DebugCapIdentify(endpoint_slot));

    /* The tutorial's way of deleting both TCB copies: revoke the original TCB cap. */
    error = seL4_CNode_Revoke(ROOT_CNODE, seL4_CapInitThreadTCB, DEPTH);
    ZF_LOGF_IF(error, "Failed to revoke the TCB cap");

    /* 5. Is a slot empty? Move it onto itself: the destination is checked first, so a full slot
       answers DeleteFirst; an empty one gets as far as the source and answers FailedLookup. */
    error = seL4_CNode_Move(ROOT_CNODE, first_free_slot, DEPTH, ROOT_CNODE, first_free_slot, DEPTH);
    ZF_LOGF_IF(error != seL4_FailedLookup, "first_free_slot is not empty");
    printf("Move the first free slot onto itself: %s, so it is empty\n", sel4_strerror(error));

    error = seL4_CNode_Move(ROOT_CNODE, last_slot, DEPTH, ROOT_CNODE, last_slot, DEPTH);
    ZF_LOGF_IF(error != seL4_FailedLookup, "last_slot is not empty");
    printf("Move slot %lu onto itself: %s, so it is empty\n", (unsigned long) last_slot, sel4_strerror(error));

    error = seL4_CNode_Move(ROOT_CNODE, seL4_CapInitThreadTCB, DEPTH, ROOT_CNODE, seL4_CapInitThreadTCB, DEPTH);
    printf("Move the TCB slot onto itself: %s, so it is full\n", sel4_strerror(error));

    /* 6. Invoke the TCB cap once more: this thread stops here and nothing after it runs. */
    printf("Suspending current thread\n");
    seL4_TCB_Suspend(seL4_CapInitThreadTCB);
    ZF_LOGF("Failed to suspend current thread\n");
    return 0;
}
