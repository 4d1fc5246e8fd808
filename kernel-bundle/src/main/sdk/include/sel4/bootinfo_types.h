/*
 * What the kernel hands a root task (reference §6): the fixed initial cap slots, and
 * seL4_BootInfo with its slot regions and untyped descriptors at the non-MCS riscv64 offsets
 * (3848 bytes within the 4 KiB boot info frame; extra chunks follow at offset 4096).
 */
#pragma once

#include <sel4/config.h>
#include <sel4/ipc_buffer.h>
#include <sel4/types.h>

enum seL4_RootCNodeCapSlots {
    seL4_CapNull = 0,
    seL4_CapInitThreadTCB = 1,
    seL4_CapInitThreadCNode = 2,
    seL4_CapInitThreadVSpace = 3,
    seL4_CapIRQControl = 4,
    seL4_CapASIDControl = 5,
    seL4_CapInitThreadASIDPool = 6,
    seL4_CapIOPortControl = 7,
    seL4_CapIOSpace = 8,
    seL4_CapBootInfoFrame = 9,
    seL4_CapInitThreadIPCBuffer = 10,
    seL4_CapDomain = 11,
    seL4_CapSMMUSIDControl = 12,
    seL4_CapSMMUCBControl = 13,
    seL4_CapInitThreadSC = 14,
    seL4_CapSMC = 15,
    seL4_NumInitialCaps = 16
};
#define seL4_CapInitThreadPD seL4_CapInitThreadVSpace

/* A range of slots of the root CNode; end is exclusive. */
typedef struct seL4_SlotRegion {
    seL4_SlotPos start;
    seL4_SlotPos end;
} seL4_SlotRegion;

typedef struct seL4_UntypedDesc {
    seL4_Word paddr;
    seL4_Uint8 sizeBits;
    seL4_Uint8 isDevice;
    seL4_Uint8 padding[sizeof(seL4_Word) - 2 * sizeof(seL4_Uint8)];
} seL4_UntypedDesc;

typedef struct seL4_BootInfo {
    seL4_Word extraLen;                   /* 0: bytes of extra boot info after this page */
    seL4_NodeId nodeID;                   /* 8 */
    seL4_Word numNodes;                   /* 16 */
    seL4_Word numIOPTLevels;              /* 24 */
    seL4_IPCBuffer *ipcBuffer;            /* 32: where the root task's IPC buffer is mapped */
    seL4_SlotRegion empty;                /* 40: free slots of the root CNode */
    seL4_SlotRegion sharedFrames;         /* 56 */
    seL4_SlotRegion userImageFrames;      /* 72 */
    seL4_SlotRegion userImagePaging;      /* 88 */
    seL4_SlotRegion ioSpaceCaps;          /* 104 */
    seL4_SlotRegion extraBIPages;         /* 120 */
    seL4_Word initThreadCNodeSizeBits;    /* 136 */
    seL4_Domain initThreadDomain;         /* 144 */
    seL4_SlotRegion untyped;              /* 152: untyped caps, described by untypedList */
    seL4_UntypedDesc untypedList[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS]; /* 168 */
} seL4_BootInfo;

/* Header of each chunk of extra boot info. */
typedef struct seL4_BootInfoHeader {
    seL4_Word id;
    seL4_Word len;
} seL4_BootInfoHeader;

#define SEL4_BOOTINFO_HEADER_PADDING 0
#define SEL4_BOOTINFO_HEADER_FDT 6
