/* sstatus: user mode reading the supervisor CSR sstatus (0x100): the CSR address bits 9:8 name the lowest privilege allowed to access it, so a U-mode access is an illegal instruction (privileged ISA, "CSR Address Mapping Conventions"). */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    csrr a0, sstatus
    NOT_TRAPPED
