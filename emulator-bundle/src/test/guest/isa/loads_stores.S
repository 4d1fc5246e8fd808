/* loads_stores: LB LH LW LD LBU LHU LWU and SB SH SW SD on aligned addresses. Facts:
 * unprivileged ISA, "Load and Store Instructions": the address is rs1 + the sign-extended
 * 12-bit offset; memory is little-endian; LB/LH/LW sign-extend to 64 bits, LBU/LHU/LWU
 * zero-extend; a store writes only the low 8/16/32/64 bits of rs2 and touches no other
 * byte. Misaligned accesses are in misaligned.S. */
#include "macros.h"

    .data
    .balign 16
pattern:
    .dword 0x8182838485868788       /* every byte has bit 7 set: sign extension shows */
    .dword 0x0102030405060708       /* every byte has bit 7 clear */
buffer:
    .dword 0, 0, 0, 0
    .balign 4096
far:                                /* 4096 bytes: offsets -2048..2047 from far + 2048 */
    .skip 4096

    .text
TEST_BEGIN loads_stores

    la s0, pattern
    /* little-endian: the byte at the lowest address is the least significant */
    lbu a0, 0(s0)
    CHECK a0, 0x88, "lbu reads the least significant byte first (little-endian)"
    lb a0, 0(s0)
    CHECK a0, 0xffffffffffffff88, "lb sign-extends bit 7"
    lb a0, 7(s0)
    CHECK a0, 0xffffffffffffff81, "lb of the top byte"
    lbu a0, 7(s0)
    CHECK a0, 0x81, "lbu zero-extends"
    lh a0, 0(s0)
    CHECK a0, 0xffffffffffff8788, "lh sign-extends bit 15"
    lhu a0, 0(s0)
    CHECK a0, 0x8788, "lhu zero-extends"
    lh a0, 6(s0)
    CHECK a0, 0xffffffffffff8182, "lh of the top halfword"
    lw a0, 0(s0)
    CHECK a0, 0xffffffff85868788, "lw sign-extends bit 31"
    lwu a0, 0(s0)
    CHECK a0, 0x85868788, "lwu zero-extends"
    lw a0, 4(s0)
    CHECK a0, 0xffffffff81828384, "lw of the upper word"
    lwu a0, 4(s0)
    CHECK a0, 0x81828384, "lwu of the upper word"
    ld a0, 0(s0)
    CHECK a0, 0x8182838485868788, "ld"
    /* positive values: sign and zero extension agree */
    lb a0, 8(s0)
    CHECK a0, 0x08, "lb of a positive byte"
    lh a0, 8(s0)
    CHECK a0, 0x0708, "lh of a positive halfword"
    lw a0, 12(s0)
    CHECK a0, 0x01020304, "lw of a positive word"
    ld a0, 8(s0)
    CHECK a0, 0x0102030405060708, "ld of the second doubleword"
    /* negative offset */
    addi s1, s0, 16
    ld a0, -8(s1)
    CHECK a0, 0x0102030405060708, "ld with a negative offset"
    lbu a0, -16(s1)
    CHECK a0, 0x88, "lbu with a negative offset"
    /* a load into x0 reads memory and discards the value */
    lw zero, 0(s0)
    mv a0, zero
    CHECK a0, 0, "lw into x0 is discarded"
    /* the base register may be the destination: the address uses the old value */
    mv a1, s0
    ld a1, 8(a1)
    CHECK a1, 0x0102030405060708, "ld with rd == rs1"

    /* stores: only the addressed bytes change */
    la s1, buffer
    li a1, -1
    sd a1, 0(s1)
    sd a1, 8(s1)
    li a2, 0x1122334455667788
    sb a2, 3(s1)
    ld a0, 0(s1)
    CHECK a0, 0xffffffff88ffffff, "sb writes only byte 3 with rs2[7:0]"
    sh a2, 8(s1)
    ld a0, 8(s1)
    CHECK a0, 0xffffffffffff7788, "sh writes only the low halfword"
    sw a2, 12(s1)
    ld a0, 8(s1)
    CHECK a0, 0x55667788ffff7788, "sw writes only the upper word"
    sd a2, 16(s1)
    ld a0, 16(s1)
    CHECK a0, 0x1122334455667788, "sd writes all eight bytes"
    lbu a0, 16(s1)
    CHECK a0, 0x88, "sd is little-endian"
    lbu a0, 23(s1)
    CHECK a0, 0x11, "sd puts the most significant byte last"
    sh zero, 18(s1)
    ld a0, 16(s1)
    CHECK a0, 0x1122334400007788, "sh of x0 writes zeros"
    sw a2, 24(s1)
    lw a0, 24(s1)
    CHECK a0, 0x55667788, "sw then lw"
    sh a2, 28(s1)
    lh a0, 28(s1)
    CHECK a0, 0x7788, "sh then lh"
    sb a2, 30(s1)
    lb a0, 30(s1)
    CHECK a0, 0xffffffffffffff88, "sb then lb sign-extends"

    /* extreme offsets: -2048 and +2047 from the middle of a 4 KiB area */
    la s2, far
    addi s3, s2, 2047
    addi s3, s3, 1          /* s3 = far + 2048 */
    li a1, 0x0badcafe
    sw a1, -2048(s3)
    lw a0, 0(s2)
    CHECK a0, 0x0badcafe, "sw with offset -2048"
    li a1, 0x5a
    sb a1, 2047(s3)
    addi s4, s2, 2047
    addi s4, s4, 2047
    lbu a0, 1(s4)           /* far + 4095, reached another way */
    CHECK a0, 0x5a, "sb with offset +2047"
    lbu a0, 2047(s3)
    CHECK a0, 0x5a, "lbu with offset +2047"
    lwu a0, -2048(s3)
    CHECK a0, 0x0badcafe, "lwu with offset -2048"

TEST_END
