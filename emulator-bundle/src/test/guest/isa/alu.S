/* alu: the RV64I register-register and register-immediate arithmetic and logic
 * instructions (ADD SUB ADDI SLT SLTU SLTI SLTIU XOR XORI OR ORI AND ANDI ADDW SUBW ADDIW,
 * LUI AUIPC) and writes to x0. Shifts are in shifts.S. Facts: RISC-V unprivileged ISA,
 * "RV32I Base Integer Instruction Set" (integer computational instructions) and
 * "RV64I Base Integer Instruction Set". */
#include "macros.h"

TEST_BEGIN alu

    /* ADD/SUB: arithmetic is modulo 2^64, overflow is ignored (the spec has no overflow
       trap; software checks with branches). */
    li a1, 0x7fffffffffffffff
    li a2, 1
    add a0, a1, a2
    CHECK a0, 0x8000000000000000, "add wraps from INT64_MAX to INT64_MIN"
    li a1, -1
    li a2, -1
    add a0, a1, a2
    CHECK a0, -2, "add of two -1"
    li a1, 0
    li a2, 1
    sub a0, a1, a2
    CHECK a0, -1, "sub 0 - 1 wraps to all ones"
    li a1, 0x8000000000000000
    li a2, 1
    sub a0, a1, a2
    CHECK a0, 0x7fffffffffffffff, "sub wraps from INT64_MIN to INT64_MAX"
    li a1, 0x123456789abcdef0
    li a2, 0x0fedcba987654321
    sub a0, a1, a2
    CHECK a0, 0x02468acf13579bcf, "sub of two large values"
    /* rd may equal a source: the sources are read before rd is written */
    li a1, 21
    add a1, a1, a1
    CHECK a1, 42, "add with rd == rs1 == rs2"

    /* ADDI: the 12-bit immediate is sign-extended, so -2048..2047 */
    li a1, 1
    addi a0, a1, -2048
    CHECK a0, -2047, "addi with the most negative immediate"
    addi a0, a1, 2047
    CHECK a0, 2048, "addi with the most positive immediate"
    li a1, -1
    addi a0, a1, 1
    CHECK a0, 0, "addi -1 + 1 carries through all 64 bits"

    /* SLT/SLTU: signed and unsigned comparisons; -1 is the largest unsigned value */
    li a1, -1
    li a2, 1
    slt a0, a1, a2
    CHECK a0, 1, "slt -1 < 1 signed"
    sltu a0, a1, a2
    CHECK a0, 0, "sltu -1 is not below 1 unsigned"
    slt a0, a2, a1
    CHECK a0, 0, "slt 1 < -1 is false signed"
    sltu a0, a2, a1
    CHECK a0, 1, "sltu 1 < 0xffff...ffff unsigned"
    li a1, 0x8000000000000000
    li a2, 0x7fffffffffffffff
    slt a0, a1, a2
    CHECK a0, 1, "slt INT64_MIN < INT64_MAX"
    sltu a0, a1, a2
    CHECK a0, 0, "sltu 2^63 is above 2^63-1"
    slt a0, a1, a1
    CHECK a0, 0, "slt of equal values is 0"
    /* SLTU rd, x0, rs is 1 exactly when rs != 0 (the SNEZ idiom in the spec) */
    li a2, 5
    sltu a0, zero, a2
    CHECK a0, 1, "sltu x0 < nonzero (snez)"
    sltu a0, zero, zero
    CHECK a0, 0, "sltu x0 < x0 (snez of 0)"

    /* SLTI/SLTIU: the immediate is sign-extended, then SLTIU compares unsigned, so
       SLTIU rd, rs, -1 is 1 for every rs except all ones; SLTIU rd, rs, 1 is SEQZ. */
    li a1, -5
    slti a0, a1, -4
    CHECK a0, 1, "slti -5 < -4"
    slti a0, a1, -5
    CHECK a0, 0, "slti -5 < -5 is false"
    li a1, 0x7ffffffffffffffe
    sltiu a0, a1, -1
    CHECK a0, 1, "sltiu with immediate -1 compares against 2^64-1"
    li a1, -1
    sltiu a0, a1, -1
    CHECK a0, 0, "sltiu all ones < all ones is false"
    li a1, 0
    sltiu a0, a1, 1
    CHECK a0, 1, "sltiu 0 < 1 (seqz of 0)"
    li a1, 0x100000000
    sltiu a0, a1, 1
    CHECK a0, 0, "sltiu 2^32 < 1 is false (seqz sees all 64 bits)"
    li a1, 2047
    slti a0, a1, -2048
    CHECK a0, 0, "slti 2047 < -2048 is false"

    /* logic, register and immediate forms; immediates are sign-extended, so
       XORI rd, rs, -1 is NOT and ANDI with a negative immediate keeps the upper bits */
    li a1, 0xff00ff00ff00ff00
    li a2, 0x0ff00ff00ff00ff0
    xor a0, a1, a2
    CHECK a0, 0xf0f0f0f0f0f0f0f0, "xor"
    or a0, a1, a2
    CHECK a0, 0xfff0fff0fff0fff0, "or"
    and a0, a1, a2
    CHECK a0, 0x0f000f000f000f00, "and"
    xori a0, a1, -1
    CHECK a0, 0x00ff00ff00ff00ff, "xori -1 is bitwise not"
    xori a0, a1, 0x7ff
    CHECK a0, 0xff00ff00ff00f8ff, "xori with a positive immediate"
    ori a0, a1, -2048
    CHECK a0, 0xffffffffffffff00, "ori with -2048 sets bits 63..11"
    ori a0, a1, 0x0f
    CHECK a0, 0xff00ff00ff00ff0f, "ori with a positive immediate"
    andi a0, a1, -256
    CHECK a0, 0xff00ff00ff00ff00, "andi with -256 keeps bits 63..8"
    andi a0, a1, 0x7f0
    CHECK a0, 0x700, "andi with a positive immediate clears the upper bits"

    /* LUI: the 20-bit immediate goes to bits 31..12 and bit 31 is sign-extended to 64 bits */
    lui a0, 0x80000
    CHECK a0, 0xffffffff80000000, "lui 0x80000 sign-extends bit 31"
    lui a0, 0x7ffff
    CHECK a0, 0x7ffff000, "lui 0x7ffff stays positive"
    lui a0, 0xfffff
    CHECK a0, -4096, "lui 0xfffff is -4096"
    lui a0, 0
    CHECK a0, 0, "lui 0 clears rd"

    /* AUIPC: pc of the auipc plus the sign-extended upper immediate */
auipc_zero:
    auipc a0, 0
    la a1, auipc_zero
    sub a0, a0, a1
    CHECK a0, 0, "auipc 0 gives its own address"
auipc_pos:
    auipc a0, 0x12345
    la a1, auipc_pos
    sub a0, a0, a1
    CHECK a0, 0x12345000, "auipc adds its immediate << 12"
auipc_neg:
    auipc a0, 0x80000
    la a1, auipc_neg
    sub a0, a0, a1
    CHECK a0, 0xffffffff80000000, "auipc sign-extends its immediate from bit 31"
auipc_ones:
    auipc a0, 0xfffff
    la a1, auipc_ones
    sub a0, a0, a1
    CHECK a0, -4096, "auipc 0xfffff subtracts 4096"

    /* W forms: compute on the low 32 bits, then sign-extend bit 31 of the result; the
       upper 32 bits of the sources are ignored. */
    li a1, 0x7fffffff
    li a2, 1
    addw a0, a1, a2
    CHECK a0, 0xffffffff80000000, "addw overflow to bit 31 sign-extends"
    li a1, 0x123456789
    li a2, 0xfedcba900000001
    addw a0, a1, a2
    CHECK a0, 0x2345678a, "addw ignores the upper 32 bits of both sources"
    li a1, 0
    li a2, 1
    subw a0, a1, a2
    CHECK a0, -1, "subw 0 - 1 is -1 sign-extended"
    li a1, 0xffffffff80000000
    li a2, 1
    subw a0, a1, a2
    CHECK a0, 0x7fffffff, "subw INT32_MIN - 1 wraps to INT32_MAX, upper bits zero"
    li a1, 0x7fffffff
    addiw a0, a1, 1
    CHECK a0, 0xffffffff80000000, "addiw overflow sign-extends"
    li a1, 0xffffffff00000005
    addiw a0, a1, -6
    CHECK a0, -1, "addiw ignores the upper bits, -1 sign-extended"
    /* ADDIW rd, rs, 0 is SEXT.W */
    li a1, 0x00000000deadbeef
    addiw a0, a1, 0
    CHECK a0, 0xffffffffdeadbeef, "addiw 0 (sext.w) sign-extends bit 31"
    li a1, 0xffffffff12345678
    addiw a0, a1, 0
    CHECK a0, 0x12345678, "addiw 0 (sext.w) clears upper bits when bit 31 is 0"

    /* x0: writes are discarded, reads are zero (ADDI x0, x0, 0 is the canonical NOP) */
    li a1, 77
    add zero, a1, a1
    mv a0, zero
    CHECK a0, 0, "a write to x0 is discarded"
    lui zero, 0x12345
    addi a0, zero, 0
    CHECK a0, 0, "lui into x0 is discarded"
    nop
    addi a0, zero, -1
    CHECK a0, -1, "addi from x0 reads zero"

TEST_END
