/*
 * The umbrella header of Faultline's libsel4-compatible SDK: everything a seL4 program uses,
 * for riscv64, non-MCS, uniprocessor, debug build (reference sel4-riscv64-abi.md). Written for
 * Faultline from the reference's facts, with libsel4's names, numbers and layouts.
 */
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/message_info.h>
#include <sel4/cap_rights.h>
#include <sel4/ipc_buffer.h>
#include <sel4/syscall.h>
#include <sel4/syscalls.h>
#include <sel4/debug.h>
#include <sel4/faults.h>
#include <sel4/objecttype.h>
#include <sel4/bootinfo_types.h>
#include <sel4/bootinfo.h>
#include <sel4/invocation.h>
#include <sel4/invocations.h>
#include <sel4/sel4_arch/mapping.h>
