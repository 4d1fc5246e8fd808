/*
 * platsupport_get_bootinfo(), as the seL4 tutorials call it (reference §7.3): the root task's
 * boot info from seL4_GetBootInfo, after setting the IPC buffer's userData to the buffer's
 * address as sel4platsupport does. A null pointer in a program a loader started.
 */
#pragma once

#include <sel4/sel4.h>

LIBSEL4_INLINE_FUNC seL4_BootInfo *platsupport_get_bootinfo(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    if (info != seL4_Null) {
        seL4_SetUserData((seL4_Word) info->ipcBuffer);
    }
    return info;
}
