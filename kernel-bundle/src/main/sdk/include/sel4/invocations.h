/* Every kernel-object invocation of riscv64 non-MCS (reference §4.3), one header per object kind. */
#pragma once

#include <sel4/invocations/cnode.h>
#include <sel4/invocations/domain.h>
#include <sel4/invocations/irq.h>
#include <sel4/invocations/riscv.h>
#include <sel4/invocations/tcb.h>
#include <sel4/invocations/untyped.h>
