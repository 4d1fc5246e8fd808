/*
 * Root task cases for the RISC-V VSpace invocations. The test selects one case by writing its
 * address into test_case after boot; the case stores what the user sees (error codes, message
 * registers, values read through mappings) in results[] and prints what it does.
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4/sel4_arch/mapping.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4tutorials/alloc.h>

#define RESULT_WORDS 64
#define VSPACE seL4_CapInitThreadVSpace
#define CNODE seL4_CapInitThreadCNode
#define RW seL4_ReadWrite
#define NO_ATTRIBUTES seL4_RISCV_Default_VMAttributes

/* In the third GiB: neither a level-1 nor a last-level table covers it at boot. */
#define FAR_VADDR 0x80000000UL
/* In the first GiB but its second 2 MiB region: a level-1 table is there, no last-level one. */
#define NEAR_VADDR 0x200000UL
#define MEGA (1UL << 21)
/* Addresses in the image's 2 MiB region left free by the image (it ends well below 1 MiB). */
#define SHARED_IN_ROOT 0x1d0000UL
#define PRIVATE_IN_NEW 0x1e0000UL
#define CHILD_STACK 0x1f0000UL

void (*volatile test_case)(void);
seL4_Word results[RESULT_WORDS];

extern char _start[];
extern char __global_pointer$[];

static seL4_BootInfo *info;

static seL4_CPtr alloc(seL4_Word type)
{
    return alloc_object(info, type, 0);
}

/* Stores an error and MR0..MR2 of its reply at results[at..at+3]. */
static void record(int at, seL4_Error error)
{
    results[at] = error;
    results[at + 1] = seL4_GetMR(0);
    results[at + 2] = seL4_GetMR(1);
    results[at + 3] = seL4_GetMR(2);
}

static seL4_Error map_page(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, seL4_CapRights_t rights)
{
    return seL4_RISCV_Page_Map(frame, vspace, vaddr, rights, NO_ATTRIBUTES);
}

/* Maps a level-1 and a last-level table for vaddr in vspace. */
static void map_tables(seL4_CPtr vspace, seL4_Word vaddr)
{
    ZF_LOGF_IF(seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), vspace, vaddr, NO_ATTRIBUTES),
               "level-1 table");
    ZF_LOGF_IF(seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), vspace, vaddr, NO_ATTRIBUTES),
               "last-level table");
}

static seL4_CPtr copy_cap(seL4_CPtr cap, seL4_CapRights_t rights)
{
    seL4_CPtr slot = alloc_slot(info);
    ZF_LOGF_IF(seL4_CNode_Copy(CNODE, slot, seL4_WordBits, CNODE, cap, seL4_WordBits, rights), "copy");
    return slot;
}

static seL4_Word peek(seL4_Word vaddr)
{
    return *(volatile seL4_Word *) vaddr;
}

static void poke(seL4_Word vaddr, seL4_Word value)
{
    *(volatile seL4_Word *) vaddr = value;
}

/* The map-the-tables-then-the-frame walk of the mapping tutorial, with every answer kept. */
void map_tables_then_frame(void)
{
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    record(0, map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite));
    results[4] = seL4_MappingFailedLookupLevel();
    results[5] = seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    results[6] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[7] = seL4_MappingFailedLookupLevel();
    results[8] = seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    results[9] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[10] = peek(FAR_VADDR);
    poke(FAR_VADDR, 0xfeed);
    poke(FAR_VADDR + 4096 - 8, 0xbeef);
    results[11] = peek(FAR_VADDR);
    results[12] = peek(FAR_VADDR + 4096 - 8);
    results[13] = frame;
    printf("mapped and touched\n");
}

void page_table_map_errors(void)
{
    seL4_CPtr pt = alloc(seL4_RISCV_PageTableObject);
    seL4_CPtr other = alloc(seL4_RISCV_PageTableObject);
    seL4_CPtr unmapped = alloc(seL4_RISCV_PageTableObject);
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    seL4_CPtr mega = alloc(seL4_RISCV_Mega_Page);
    record(0, seL4_RISCV_PageTable_Map(pt, VSPACE, seL4_UserTop, NO_ATTRIBUTES));
    results[4] = seL4_RISCV_PageTable_Map(pt, VSPACE, (seL4_Word) _start, NO_ATTRIBUTES);
    record(5, seL4_RISCV_PageTable_Map(pt, frame, FAR_VADDR, NO_ATTRIBUTES));
    record(9, seL4_RISCV_PageTable_Map(pt, unmapped, FAR_VADDR, NO_ATTRIBUTES));
    results[13] = seL4_RISCV_PageTable_Map(pt, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    record(14, seL4_RISCV_PageTable_Map(pt, VSPACE, FAR_VADDR + (1UL << 30), NO_ATTRIBUTES));
    record(18, seL4_RISCV_PageTable_Map(pt, VSPACE, seL4_UserTop, NO_ATTRIBUTES));
    /* A table mapped under the root is no VSpace: its ASID names the root, not it. */
    record(22, seL4_RISCV_PageTable_Map(other, pt, FAR_VADDR, NO_ATTRIBUTES));
    results[26] = map_page(mega, VSPACE, NEAR_VADDR, seL4_ReadWrite);
    results[27] = seL4_RISCV_PageTable_Map(other, VSPACE, NEAR_VADDR, NO_ATTRIBUTES);
    seL4_Word mr[4] = {FAR_VADDR, 0, 0, 0};
    results[28] = sel4sdk_invoke(other, RISCVPageGetAddress, 0, 0, mr);
    seL4_SetCap(0, VSPACE);
    results[29] = sel4sdk_invoke(other, RISCVPageTableMap, 1, 1, mr);
    /* The same table at the same place as before: the last-level table of FAR_VADDR. */
    results[30] = seL4_RISCV_PageTable_Map(other, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    results[31] = seL4_RISCV_PageTable_Map(unmapped, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
}

void page_table_unmap_rules(void)
{
    seL4_CPtr pt = alloc(seL4_RISCV_PageTableObject);
    results[0] = seL4_RISCV_PageTable_Map(pt, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    seL4_CPtr copy = copy_cap(pt, seL4_AllRights);
    results[1] = seL4_RISCV_PageTable_Unmap(pt);
    results[2] = seL4_RISCV_PageTable_Unmap(VSPACE);
    results[3] = seL4_CNode_Delete(CNODE, copy, seL4_WordBits);
    results[4] = seL4_RISCV_PageTable_Unmap(pt);
    results[5] = seL4_RISCV_PageTable_Unmap(pt);
    results[6] = seL4_CNode_Copy(CNODE, copy, seL4_WordBits, CNODE, pt, seL4_WordBits, seL4_AllRights);
    results[7] = seL4_RISCV_PageTable_Map(pt, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
}

/* A frame cap keeps its mapping when the table under it goes; it may come back only there. */
void frame_outlives_its_table(void)
{
    seL4_CPtr upper = alloc(seL4_RISCV_PageTableObject);
    seL4_CPtr lower = alloc(seL4_RISCV_PageTableObject);
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    seL4_RISCV_PageTable_Map(upper, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    seL4_RISCV_PageTable_Map(lower, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    results[0] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    poke(FAR_VADDR, 77);
    results[1] = seL4_RISCV_PageTable_Unmap(lower);
    results[2] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[3] = seL4_MappingFailedLookupLevel();
    results[4] = seL4_RISCV_PageTable_Map(lower, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    record(5, map_page(frame, VSPACE, FAR_VADDR + 4096, seL4_ReadWrite));
    results[9] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[10] = peek(FAR_VADDR);
}

void page_map_errors(void)
{
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    seL4_CPtr other = alloc(seL4_RISCV_4K_Page);
    seL4_CPtr mega = alloc(seL4_RISCV_Mega_Page);
    map_tables(VSPACE, FAR_VADDR);
    results[0] = map_page(frame, VSPACE, FAR_VADDR + 8, seL4_ReadWrite);
    record(1, map_page(frame, VSPACE, seL4_UserTop, seL4_ReadWrite));
    /* seL4 checks the end against seL4_UserTop before the alignment. */
    record(5, map_page(mega, VSPACE, seL4_UserTop - 4096, seL4_ReadWrite));
    record(9, map_page(frame, other, FAR_VADDR, seL4_ReadWrite));
    results[13] = map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[14] = map_page(other, VSPACE, FAR_VADDR, seL4_ReadWrite);
    record(15, map_page(frame, VSPACE, FAR_VADDR + 4096, seL4_ReadWrite));
    results[19] = map_page(frame, VSPACE, FAR_VADDR, seL4_CanRead);
    /* A 2 MiB frame where a last-level table already is: the walk went down to 12 bits. */
    results[20] = map_page(mega, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[21] = seL4_MappingFailedLookupLevel();
    results[22] = map_page(mega, VSPACE, FAR_VADDR + MEGA, seL4_ReadWrite);
    /* A 4 KiB frame inside that 2 MiB page: the walk stops at the page, at 21 bits. */
    results[23] = map_page(other, VSPACE, FAR_VADDR + MEGA + 4096, seL4_ReadWrite);
    results[24] = seL4_MappingFailedLookupLevel();
    seL4_Word mr[4] = {0, 0, 0, 0};
    results[25] = sel4sdk_invoke(frame, RISCVPageTableUnmap, 0, 0, mr);
    seL4_SetCap(0, VSPACE);
    results[26] = sel4sdk_invoke(other, RISCVPageMap, 1, 2, mr);
    poke(FAR_VADDR + MEGA, 1);
    poke(FAR_VADDR + 2 * MEGA - 8, 2);
    results[27] = peek(FAR_VADDR + MEGA) + peek(FAR_VADDR + 2 * MEGA - 8);
    results[28] = peek(FAR_VADDR);
}

/* The rights of each mapping; the test reads them from the page tables. */
void rights_and_attributes(void)
{
    map_tables(VSPACE, FAR_VADDR);
    seL4_CPtr read_only = copy_cap(alloc(seL4_RISCV_4K_Page), seL4_CanRead);
    results[0] = map_page(read_only, VSPACE, FAR_VADDR, seL4_ReadWrite);
    results[1] = map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x1000, seL4_CanWrite);
    seL4_CPtr invalid = alloc(seL4_RISCV_4K_Page);
    results[2] = seL4_RISCV_Page_Map(invalid, VSPACE, FAR_VADDR + 0x2000, seL4_CanWrite, seL4_RISCV_ExecuteNever);
    results[3] = seL4_RISCV_Page_Map(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x3000, seL4_ReadWrite,
                                     seL4_RISCV_ExecuteNever);
    results[4] = map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x4000, seL4_AllRights);
    results[5] = map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x5000, seL4_NoRights);
    /* An invalid entry is no mapping: another frame may take the place. */
    results[6] = map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x2000, seL4_CanRead);
    results[7] = invalid;
    results[8] = peek(FAR_VADDR);
}

void get_address(void)
{
    int chosen = -1;
    for (seL4_Word i = 0; i < info->untyped.end - info->untyped.start; i++) {
        if (!info->untypedList[i].isDevice && info->untypedList[i].sizeBits >= 23) {
            chosen = (int) i;
        }
    }
    ZF_LOGF_IF(chosen < 0, "no untyped of 8 MiB");
    seL4_CPtr untyped = info->untyped.start + (seL4_Word) chosen;
    seL4_Word types[3] = {seL4_RISCV_4K_Page, seL4_RISCV_4K_Page, seL4_RISCV_Mega_Page};
    for (int i = 0; i < 3; i++) {
        seL4_CPtr slot = alloc_slot(info);
        ZF_LOGF_IF(seL4_Untyped_Retype(untyped, types[i], 0, CNODE, 0, 0, slot, 1), "retype");
        seL4_RISCV_Page_GetAddress_t answer = seL4_RISCV_Page_GetAddress(slot);
        results[2 * i] = (seL4_Word) answer.error;
        results[2 * i + 1] = answer.paddr;
    }
    results[6] = info->untypedList[chosen].paddr;
}

void read_only_write_faults(void)
{
    map_tables(VSPACE, FAR_VADDR);
    map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR, seL4_CanRead);
    printf("Read x: %lu\n", peek(FAR_VADDR));
    printf("Set x to 5\n");
    poke(FAR_VADDR, 5);
    printf("Success!\n");
}

void unmapped_page_faults(void)
{
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    map_tables(VSPACE, FAR_VADDR);
    map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    poke(FAR_VADDR, 5);
    printf("unmap: %d\n", seL4_RISCV_Page_Unmap(frame));
    printf("read %lu\n", peek(FAR_VADDR));
}

void unmapped_table_faults(void)
{
    seL4_CPtr lower = alloc(seL4_RISCV_PageTableObject);
    seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    seL4_RISCV_PageTable_Map(lower, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x3000, seL4_ReadWrite);
    poke(FAR_VADDR + 0x3000, 5);
    printf("unmap table: %d\n", seL4_RISCV_PageTable_Unmap(lower));
    printf("read %lu\n", peek(FAR_VADDR + 0x3000));
}

void kernel_only_mapping_faults_on_read(void)
{
    map_tables(VSPACE, FAR_VADDR);
    printf("map: %d\n", map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR, seL4_CanWrite));
    printf("read %lu\n", peek(FAR_VADDR));
}

void deleted_frame_cap_faults(void)
{
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    map_tables(VSPACE, FAR_VADDR);
    map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    poke(FAR_VADDR, 5);
    printf("delete: %d\n", seL4_CNode_Delete(CNODE, frame, seL4_WordBits));
    printf("read %lu\n", peek(FAR_VADDR));
}

/* Everything retyped from one untyped, mapped, then the untyped revoked. */
void revoked_untyped_faults(void)
{
    seL4_CPtr untyped = alloc_object(info, seL4_UntypedObject, 16);
    seL4_CPtr objects = alloc_slot(info);
    alloc_slot(info);
    alloc_slot(info);
    ZF_LOGF_IF(seL4_Untyped_Retype(untyped, seL4_RISCV_PageTableObject, 0, CNODE, 0, 0, objects, 2), "tables");
    ZF_LOGF_IF(seL4_Untyped_Retype(untyped, seL4_RISCV_4K_Page, 0, CNODE, 0, 0, objects + 2, 1), "frame");
    seL4_RISCV_PageTable_Map(objects, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    seL4_RISCV_PageTable_Map(objects + 1, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    map_page(objects + 2, VSPACE, FAR_VADDR + 0x5000, seL4_ReadWrite);
    poke(FAR_VADDR + 0x5000, 5);
    printf("revoke: %d\n", seL4_CNode_Revoke(CNODE, untyped, seL4_WordBits));
    printf("read %lu\n", peek(FAR_VADDR + 0x5000));
}

/* Deleting the last cap to a table takes it out of its tree; to a root, frees its ASID. */
void deleted_tables_and_roots(void)
{
    seL4_CPtr lower = alloc(seL4_RISCV_PageTableObject);
    seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    seL4_RISCV_PageTable_Map(lower, VSPACE, FAR_VADDR, NO_ATTRIBUTES);
    map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR, seL4_ReadWrite);
    poke(FAR_VADDR, 5);
    results[0] = seL4_CNode_Delete(CNODE, lower, seL4_WordBits);
    results[1] = map_page(alloc(seL4_RISCV_4K_Page), VSPACE, FAR_VADDR + 0x1000, seL4_ReadWrite);
    results[2] = seL4_MappingFailedLookupLevel();
    seL4_CPtr root = alloc(seL4_RISCV_PageTableObject);
    results[3] = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, root);
    map_tables(root, FAR_VADDR);
    results[4] = map_page(alloc(seL4_RISCV_4K_Page), root, FAR_VADDR, seL4_ReadWrite);
    results[5] = seL4_CNode_Delete(CNODE, root, seL4_WordBits);
    results[6] = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, alloc(seL4_RISCV_PageTableObject));
}

static seL4_CPtr make_untyped(int bits)
{
    return alloc_object(info, seL4_UntypedObject, (seL4_Word) bits);
}

void asid_pool_rules(void)
{
    seL4_CPtr pool = alloc_slot(info);
    seL4_CPtr small = make_untyped(12);
    seL4_CPtr large = make_untyped(14);
    seL4_CPtr parent = make_untyped(12);
    ZF_LOGF_IF(seL4_Untyped_Retype(parent, seL4_EndpointObject, 0, CNODE, 0, 0, alloc_slot(info), 1), "child");
    record(0, seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, large, CNODE, pool, seL4_WordBits));
    results[4] = seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, parent, CNODE, pool, seL4_WordBits);
    results[5] = seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, small, CNODE, seL4_CapInitThreadTCB,
                                                 seL4_WordBits);
    results[6] = seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, small, CNODE, pool, 0);
    results[7] = seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, small, CNODE, pool, seL4_WordBits);
    results[8] = seL4_Untyped_Retype(small, seL4_EndpointObject, 0, CNODE, 0, 0, alloc_slot(info), 1);
    seL4_CPtr root = alloc(seL4_RISCV_PageTableObject);
    results[9] = seL4_RISCV_ASIDPool_Assign(pool, root);
    record(10, seL4_RISCV_ASIDPool_Assign(pool, root));
    seL4_CPtr second = alloc(seL4_RISCV_PageTableObject);
    results[14] = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, second);
    results[15] = seL4_RISCV_PageTable_Unmap(root);
    /* A frame mapped in one VSpace cannot be mapped in another. */
    seL4_CPtr frame = alloc(seL4_RISCV_4K_Page);
    map_tables(VSPACE, FAR_VADDR);
    map_tables(root, FAR_VADDR);
    map_page(frame, VSPACE, FAR_VADDR, seL4_ReadWrite);
    record(16, map_page(frame, root, FAR_VADDR, seL4_ReadWrite));
    seL4_Word mr[4] = {0, 0, 0, 0};
    results[20] = sel4sdk_invoke(pool, RISCVASIDControlMakePool, 0, 0, mr);
    results[21] = sel4sdk_invoke(seL4_CapASIDControl, RISCVASIDPoolAssign, 0, 0, mr);
    /* The pool goes: its ASIDs name nothing, so its roots are no VSpaces any more. */
    results[22] = seL4_CNode_Delete(CNODE, pool, seL4_WordBits);
    record(23, seL4_RISCV_PageTable_Map(alloc(seL4_RISCV_PageTableObject), root, NEAR_VADDR, NO_ATTRIBUTES));
    record(27, map_page(alloc(seL4_RISCV_4K_Page), root, FAR_VADDR + 0x1000, seL4_ReadWrite));
    results[31] = seL4_RISCV_PageTable_Unmap(root);
    results[32] = seL4_RISCV_ASIDPool_Assign(seL4_CapInitThreadASIDPool, root);
    results[33] = map_page(alloc(seL4_RISCV_4K_Page), second, FAR_VADDR, seL4_ReadWrite);
    results[34] = seL4_MappingFailedLookupLevel();
}

void asid_pools_run_out(void)
{
    seL4_CPtr untypeds = alloc_slot(info);
    for (int i = 1; i < 130; i++) {
        alloc_slot(info);
    }
    seL4_CPtr big = make_untyped(20);
    ZF_LOGF_IF(seL4_Untyped_Retype(big, seL4_UntypedObject, 12, CNODE, 0, 0, untypeds, 130), "untypeds");
    int made = 0;
    seL4_Error error = seL4_NoError;
    for (int i = 0; i < 130 && error == seL4_NoError; i++) {
        error = seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, untypeds + (seL4_Word) i, CNODE, alloc_slot(info),
                                                seL4_WordBits);
        made += error == seL4_NoError;
    }
    results[0] = (seL4_Word) made;
    results[1] = error;
}

/* Maps copies of the image, IPC buffer and boot info frames into vspace where the root task has them. */
static void clone_image(seL4_CPtr vspace)
{
    seL4_Word image = (seL4_Word) _start & ~0xfffUL;
    map_tables(vspace, image);
    for (seL4_CPtr slot = info->userImageFrames.start; slot < info->userImageFrames.end; slot++) {
        seL4_Word vaddr = image + (slot - info->userImageFrames.start) * 4096;
        ZF_LOGF_IF(map_page(copy_cap(slot, seL4_AllRights), vspace, vaddr, seL4_ReadWrite), "image frame");
    }
    ZF_LOGF_IF(map_page(copy_cap(seL4_CapInitThreadIPCBuffer, seL4_AllRights), vspace, (seL4_Word) info->ipcBuffer,
                        seL4_ReadWrite), "IPC buffer");
    ZF_LOGF_IF(map_page(copy_cap(seL4_CapBootInfoFrame, seL4_AllRights), vspace, (seL4_Word) info, seL4_ReadWrite),
               "boot info");
}

/* A new VSpace from a new pool, with a frame only it maps at PRIVATE_IN_NEW (seen by the root at SHARED_IN_ROOT). */
static seL4_CPtr new_vspace(void)
{
    seL4_CPtr pool = alloc_slot(info);
    ZF_LOGF_IF(seL4_RISCV_ASIDControl_MakePool(seL4_CapASIDControl, make_untyped(12), CNODE, pool, seL4_WordBits),
               "pool");
    seL4_CPtr vspace = alloc(seL4_RISCV_PageTableObject);
    ZF_LOGF_IF(seL4_RISCV_ASIDPool_Assign(pool, vspace), "assign");
    results[40] = pool;
    clone_image(vspace);
    seL4_CPtr private_frame = alloc(seL4_RISCV_4K_Page);
    ZF_LOGF_IF(map_page(private_frame, vspace, PRIVATE_IN_NEW, seL4_ReadWrite), "private frame");
    ZF_LOGF_IF(map_page(copy_cap(private_frame, seL4_AllRights), VSPACE, SHARED_IN_ROOT, seL4_ReadWrite),
               "its copy");
    poke(SHARED_IN_ROOT, 0x5ca1ab1e);
    return vspace;
}

static volatile seL4_CPtr child_endpoint;
static volatile seL4_CPtr child_tcb;

/* The child: reads what only the new VSpace maps, tells the root, then stops. */
static void child(void)
{
    printf("child: in the new vspace\n");
    seL4_Word value = peek(PRIVATE_IN_NEW);
    seL4_CallWithMRs(child_endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &value, seL4_Null, seL4_Null, seL4_Null);
    printf("child: after the reply\n");
    seL4_TCB_Suspend(child_tcb);
}

static void start_child(seL4_CPtr vspace)
{
    child_endpoint = alloc(seL4_EndpointObject);
    child_tcb = alloc(seL4_TCBObject);
    ZF_LOGF_IF(map_page(alloc(seL4_RISCV_4K_Page), vspace, CHILD_STACK, seL4_ReadWrite), "stack");
    ZF_LOGF_IF(seL4_TCB_Configure(child_tcb, 0, CNODE, 0, vspace, 0, 0, seL4_CapNull), "configure");
    ZF_LOGF_IF(seL4_TCB_SetPriority(child_tcb, seL4_CapInitThreadTCB, 100), "priority");
    seL4_UserContext regs = {0};
    regs.pc = (seL4_Word) child;
    regs.sp = CHILD_STACK + 4096;
    regs.gp = (seL4_Word) __global_pointer$;
    ZF_LOGF_IF(seL4_TCB_WriteRegisters(child_tcb, 1, 0, 4, &regs), "start");
}

void new_vspace_runs_a_thread(void)
{
    start_child(new_vspace());
    seL4_Word value = 0;
    seL4_RecvWithMRs(child_endpoint, seL4_Null, &value, seL4_Null, seL4_Null, seL4_Null);
    results[0] = value;
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 0), seL4_Null, seL4_Null, seL4_Null, seL4_Null);
    printf("root: done\n");
}

void deleted_pool_stops_its_thread(void)
{
    start_child(new_vspace());
    seL4_Word value = 0;
    seL4_RecvWithMRs(child_endpoint, seL4_Null, &value, seL4_Null, seL4_Null, seL4_Null);
    results[0] = value;
    results[1] = seL4_CNode_Delete(CNODE, results[40], seL4_WordBits);
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0, 0, 0, 0), seL4_Null, seL4_Null, seL4_Null, seL4_Null);
    printf("root: done\n");
}

void set_space_moves_the_caller(void)
{
    seL4_CPtr vspace = new_vspace();
    results[0] = seL4_TCB_SetSpace(seL4_CapInitThreadTCB, 0, CNODE, 0, vspace, 0);
    results[1] = peek(PRIVATE_IN_NEW);
    printf("root: reading 0x%lx in its new vspace\n", PRIVATE_IN_NEW);
}

int main(void)
{
    info = platsupport_get_bootinfo();
    test_case();
    return 0;
}
