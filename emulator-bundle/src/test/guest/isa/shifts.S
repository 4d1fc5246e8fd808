/* shifts: SLL SRL SRA SLLI SRLI SRAI and the W forms SLLW SRLW SRAW SLLIW SRLIW SRAIW.
 * Facts (unprivileged ISA, RV64I "Integer Computational Instructions"): in RV64 the
 * register shifts use only the low 6 bits of rs2 and the immediate shifts take a 6-bit
 * shamt; the W forms use only the low 5 bits of rs2 (or a 5-bit shamt), shift the low
 * 32 bits of rs1 and sign-extend the 32-bit result to 64 bits. */
#include "macros.h"

TEST_BEGIN shifts

    li a1, 0x8000000000000001
    li a2, 63
    sll a0, a1, a2
    CHECK a0, 0x8000000000000000, "sll by 63 keeps only bit 0, moved to bit 63"
    srl a0, a1, a2
    CHECK a0, 1, "srl by 63 leaves bit 63 in bit 0, zero-filled"
    sra a0, a1, a2
    CHECK a0, -1, "sra by 63 fills with the sign bit"
    li a2, 0
    sll a0, a1, a2
    CHECK a0, 0x8000000000000001, "sll by 0 is the identity"
    /* only rs2[5:0] counts: 64 shifts by 0, 65 by 1, -1 by 63 */
    li a2, 64
    sll a0, a1, a2
    CHECK a0, 0x8000000000000001, "sll by 64 uses shamt 0 (rs2[5:0])"
    li a2, 65
    srl a0, a1, a2
    CHECK a0, 0x4000000000000000, "srl by 65 uses shamt 1"
    li a2, -1
    sra a0, a1, a2
    CHECK a0, -1, "sra by -1 uses shamt 63"
    li a1, 0x7000000000000000
    li a2, 0xffffffffffffffc3
    sra a0, a1, a2
    CHECK a0, 0x0e00000000000000, "sra of a positive value by ...c3 uses shamt 3, fills zeros"
    li a1, 0xf0f0f0f0f0f0f0f0
    li a2, 4
    srl a0, a1, a2
    CHECK a0, 0x0f0f0f0f0f0f0f0f, "srl by 4 fills with zeros"
    sra a0, a1, a2
    CHECK a0, 0xff0f0f0f0f0f0f0f, "sra by 4 fills with ones"

    /* immediate forms with the 6-bit shamt */
    li a1, 0x8000000000000001
    slli a0, a1, 63
    CHECK a0, 0x8000000000000000, "slli 63"
    srli a0, a1, 63
    CHECK a0, 1, "srli 63"
    srai a0, a1, 63
    CHECK a0, -1, "srai 63"
    slli a0, a1, 32
    CHECK a0, 0x100000000, "slli 32 (shamt bit 5 set) moves bit 0 to bit 32"
    srai a0, a1, 32
    CHECK a0, 0xffffffff80000000, "srai 32"
    srli a0, a1, 0
    CHECK a0, 0x8000000000000001, "srli 0 is the identity"
    li a1, 0x7fffffffffffffff
    srai a0, a1, 62
    CHECK a0, 1, "srai of a positive value fills with zeros"

    /* W forms: 5-bit shift amount, 32-bit operation, sign-extended result */
    li a1, 0xffffffff00000001
    li a2, 31
    sllw a0, a1, a2
    CHECK a0, 0xffffffff80000000, "sllw by 31 moves bit 0 to bit 31 and sign-extends"
    li a1, 0x0000000080000000
    srlw a0, a1, a2
    CHECK a0, 1, "srlw by 31"
    sraw a0, a1, a2
    CHECK a0, -1, "sraw by 31 of INT32_MIN is -1"
    li a2, 32
    li a1, 0x12345678
    sllw a0, a1, a2
    CHECK a0, 0x12345678, "sllw by 32 uses shamt 0 (rs2[4:0])"
    li a2, 33
    srlw a0, a1, a2
    CHECK a0, 0x091a2b3c, "srlw by 33 uses shamt 1"
    li a2, 63
    li a1, 0x80000000
    sraw a0, a1, a2
    CHECK a0, -1, "sraw by 63 uses shamt 31"
    /* srlw shifts only the low 32 bits in: the upper half of rs1 never reaches the result */
    li a1, 0xffffffff00000000
    li a2, 1
    srlw a0, a1, a2
    CHECK a0, 0, "srlw ignores rs1[63:32]"
    li a1, 0x00000000fffffffe
    srlw a0, a1, a2
    CHECK a0, 0x7fffffff, "srlw zero-fills bit 31 and the result is positive"
    li a2, 0
    srlw a0, a1, a2
    CHECK a0, 0xfffffffffffffffe, "srlw by 0 still sign-extends bit 31"
    li a1, 0x40000000
    li a2, 1
    sllw a0, a1, a2
    CHECK a0, 0xffffffff80000000, "sllw into bit 31 makes a negative result"

    li a1, 0x00000000ffffffff
    slliw a0, a1, 0
    CHECK a0, -1, "slliw 0 sign-extends bit 31"
    li a1, 1
    slliw a0, a1, 31
    CHECK a0, 0xffffffff80000000, "slliw 31"
    li a1, 0x80000000
    srliw a0, a1, 31
    CHECK a0, 1, "srliw 31"
    sraiw a0, a1, 31
    CHECK a0, -1, "sraiw 31"
    li a1, 0x7fffffff00000000
    sraiw a0, a1, 1
    CHECK a0, 0, "sraiw shifts only the low word"
    li a1, 0xf0000000
    srliw a0, a1, 4
    CHECK a0, 0x0f000000, "srliw 4 zero-fills"
    sraiw a0, a1, 4
    CHECK a0, 0xffffffffff000000, "sraiw 4 fills with bit 31"

TEST_END
