/* libsel4's header for the IPC buffer accessors (seL4_GetMR, seL4_SetCap, ...): see sel4/ipc_buffer.h. */
#pragma once

#include <sel4/ipc_buffer.h>
