/*
 * Sizes, limits and numbers of seL4 riscv64 (reference §1.4, §4.4, §5.2, §5.4): object and page
 * sizes in bits, the message limits, priorities, the top of user memory and lookup failure types.
 * Plain integer macros where libsel4 has them, so they also work in #if.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>

/* Words. */
#define seL4_WordBits 64
#define seL4_WordSizeBits 3

/* Objects (reference §4.4). */
#define seL4_SlotBits 5
#define seL4_TCBBits 11
#define seL4_EndpointBits 4
#define seL4_NotificationBits 5
#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_TeraPageBits 39
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9
#define seL4_VSpaceBits 12
#define seL4_IPCBufferSizeBits 10
#define seL4_BootInfoFrameBits 12
#define seL4_MinUntypedBits 4
#define seL4_MaxUntypedBits 38
#define seL4_UntypedRetypeMaxObjects CONFIG_RETYPE_FAN_OUT_LIMIT

/* ASIDs. */
#define seL4_NumASIDPoolsBits 7
#define seL4_ASIDPoolIndexBits 9
#define seL4_ASIDPoolBits 12

/* Capability addressing (reference §5.4). */
#define seL4_GuardSizeBits 6
#define seL4_GuardBits 58
#define seL4_BadgeBits 64

/* User address space (reference §4.4): Sv39 with the top page reserved. */
#define seL4_UserTop 0x0000003ffffff000UL
#define seL4_UserVSpaceTop (seL4_UserTop - 1)

/* Message limits (reference §1.4). */
enum {
    seL4_MsgLengthBits = 7,
    seL4_MsgExtraCapBits = 2
};
enum {
    seL4_MsgMaxLength = 120
};
#define seL4_MsgMaxExtraCaps ((1 << seL4_MsgExtraCapBits) - 1)

/* Priorities (reference §4.4; CONFIG_NUM_PRIORITIES is 256). */
enum priorityConstants {
    seL4_InvalidPrio = -1,
    seL4_MinPrio = 0,
    seL4_MaxPrio = CONFIG_NUM_PRIORITIES - 1
};

/* What a failed capability lookup reports in fault and error messages (reference §5.2). */
typedef enum {
    seL4_NoFailure = 0,
    seL4_InvalidRoot,
    seL4_MissingCapability,
    seL4_DepthMismatch,
    seL4_GuardMismatch,
    SEL4_FORCE_LONG_ENUM(seL4_LookupFailureType)
} seL4_LookupFailureType;
