/*
 * The root task's boot info (reference §6.3): crt0.S records the address the kernel passed in
 * a0; seL4_GetBootInfo returns it, or a null pointer in a program a loader started (a0 = 0).
 */
#pragma once

#include <sel4/bootinfo_types.h>

#ifdef __cplusplus
extern "C" {
#endif

seL4_BootInfo *seL4_GetBootInfo(void);

#ifdef __cplusplus
}
#endif
