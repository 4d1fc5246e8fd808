/*
 * The object types Untyped_Retype creates, with their non-MCS riscv64 numbers (reference §4.4):
 * the generic types, then the Sv39 mode type (giga page), then the RISC-V types. There is no tera
 * page with three page-table levels, so seL4_RISCV_Tera_Page is the out-of-range 0xffffffff.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/types.h>

typedef enum api_object {
    seL4_UntypedObject,
    seL4_TCBObject,
    seL4_EndpointObject,
    seL4_NotificationObject,
    seL4_CapTableObject,
    seL4_NonArchObjectTypeCount
} seL4_ObjectType;
typedef seL4_Word api_object_t;

typedef enum _mode_object {
    seL4_RISCV_Giga_Page = seL4_NonArchObjectTypeCount,
    seL4_ModeObjectTypeCount
} seL4_ModeObjectType;
#define seL4_RISCV_Tera_Page 0xffffffff

typedef enum _object {
    seL4_RISCV_4K_Page = seL4_ModeObjectTypeCount,
    seL4_RISCV_Mega_Page,
    seL4_RISCV_PageTableObject,
    seL4_ObjectTypeCount
} seL4_ArchObjectType;
typedef seL4_Word object_t;
