/* misaligned: loads and stores of every width at addresses that are not a multiple of
 * their size, including accesses that cross an 8-byte boundary and a 4 KiB page boundary.
 * Facts: unprivileged ISA, RV32I "Load and Store Instructions": "Loads and stores where the
 * effective address is not naturally aligned ... may be handled in hardware or by an
 * invisible trap into a more privileged execution environment" — to user code the access
 * simply completes (Linux, qemu-user and Faultline all complete it), with the same
 * little-endian result as an aligned one. Misaligned AMOs and LR/SC are different: they
 * raise an exception (see traps/amo_misaligned.S, traps/lr_misaligned.S). */
#include "macros.h"

    .data
    .balign 16
bytes:                              /* byte i holds 0x80 + i: every byte has bit 7 set */
    .byte 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87
    .byte 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f
    .byte 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97
store_area:
    .dword 0, 0, 0
    .balign 4096
    .skip 4096 - 8
page_cross:                         /* 16 bytes; the page boundary is at page_cross + 8 */
    .byte 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17
    .byte 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f

    .text
TEST_BEGIN misaligned

    la s0, bytes
    lh a0, 1(s0)
    CHECK a0, 0xffffffffffff8281, "lh at offset 1 sign-extends"
    lhu a0, 1(s0)
    CHECK a0, 0x8281, "lhu at offset 1"
    lh a0, 7(s0)
    CHECK a0, 0xffffffffffff8887, "lh across an 8-byte boundary"
    lw a0, 1(s0)
    CHECK a0, 0xffffffff84838281, "lw at offset 1"
    lw a0, 2(s0)
    CHECK a0, 0xffffffff85848382, "lw at offset 2"
    lwu a0, 3(s0)
    CHECK a0, 0x86858483, "lwu at offset 3"
    lw a0, 6(s0)
    CHECK a0, 0xffffffff89888786, "lw across an 8-byte boundary"
    ld a0, 1(s0)
    CHECK a0, 0x8887868584838281, "ld at offset 1"
    ld a0, 4(s0)
    CHECK a0, 0x8b8a898887868584, "ld at offset 4"
    ld a0, 15(s0)
    CHECK a0, 0x969594939291908f, "ld at offset 15"

    /* stores: every width at odd offsets, only the addressed bytes change */
    la s1, store_area
    li t0, -1
    sd t0, 0(s1)
    sd t0, 8(s1)
    sd t0, 16(s1)
    li a1, 0x0807060504030201
    sh a1, 1(s1)
    ld a0, 0(s1)
    CHECK a0, 0xffffffffff0201ff, "sh at offset 1"
    sw a1, 7(s1)
    ld a0, 0(s1)
    CHECK a0, 0x01ffffffff0201ff, "sw across an 8-byte boundary, low byte"
    ld a0, 8(s1)
    CHECK a0, 0xffffffffff040302, "sw across an 8-byte boundary, high bytes"
    sd a1, 13(s1)
    ld a0, 8(s1)
    CHECK a0, 0x030201ffff040302, "sd at offset 13, first part"
    ld a0, 16(s1)
    CHECK a0, 0xffffff0807060504, "sd at offset 13, second part"
    ld a0, 13(s1)
    CHECK a0, 0x0807060504030201, "ld reads back the misaligned sd"

    /* accesses that straddle a page boundary: bytes from both pages */
    la s2, page_cross
    lw a0, 6(s2)
    CHECK a0, 0x19181716, "lw across a page boundary"
    lh a0, 7(s2)
    CHECK a0, 0x1817, "lh across a page boundary"
    ld a0, 5(s2)
    CHECK a0, 0x1c1b1a1918171615, "ld across a page boundary"
    li a1, 0xa1a2a3a4a5a6a7a8
    sd a1, 3(s2)
    ld a0, 0(s2)
    CHECK a0, 0xa4a5a6a7a8121110, "sd across a page boundary, first page"
    ld a0, 8(s2)
    CHECK a0, 0x1f1e1d1c1ba1a2a3, "sd across a page boundary, second page"
    sw a1, 6(s2)
    lwu a0, 6(s2)
    CHECK a0, 0xa5a6a7a8, "sw then lwu across a page boundary"
    sh a1, 7(s2)
    lhu a0, 7(s2)
    CHECK a0, 0xa7a8, "sh then lhu across a page boundary"

    /* compressed loads and stores take misaligned addresses too */
    .option push
    .option rvc
    la s0, bytes + 1
    c.lw a0, 0(s0)
    CHECK a0, 0xffffffff84838281, "c.lw at a misaligned address"
    c.ld a0, 8(s0)
    CHECK a0, 0x908f8e8d8c8b8a89, "c.ld at a misaligned address"
    la s1, store_area + 3
    li a1, 0x1122334455667788
    c.sd a1, 0(s1)
    c.ld a2, 0(s1)
    CHECK a2, 0x1122334455667788, "c.sd then c.ld at a misaligned address"
    c.sw a1, 8(s1)
    c.lw a2, 8(s1)
    CHECK a2, 0x55667788, "c.sw then c.lw at a misaligned address"
    .option pop

TEST_END
