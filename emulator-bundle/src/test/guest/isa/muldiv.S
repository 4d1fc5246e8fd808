/* muldiv: the M extension, MUL MULH MULHSU MULHU MULW DIV DIVU REM REMU DIVW DIVUW REMW
 * REMUW. Facts: unprivileged ISA, "M Extension for Integer Multiplication and Division":
 * MULH/MULHSU/MULHU give the upper 64 bits of the 128-bit product of signed x signed,
 * signed rs1 x unsigned rs2, unsigned x unsigned; division rounds towards zero and the
 * remainder has the sign of the dividend; the table "Semantics for division by zero and
 * division overflow": x/0 gives all ones (DIV: -1, DIVU: 2^XLEN-1), x%0 gives x; the only
 * overflow, INT_MIN / -1, gives INT_MIN with remainder 0; none of these traps. The W
 * forms operate on the low 32 bits and sign-extend the 32-bit result (so DIVUW by zero
 * is 2^32-1 sign-extended, i.e. all ones). */
#include "macros.h"

#define INT64_MIN 0x8000000000000000

TEST_BEGIN muldiv

    /* MUL: the low 64 bits, the same for signed and unsigned operands */
    li a1, 0xedcba98765432110        /* -0x123456789abcdef0 */
    li a2, 0xf0123456789abcdf        /* -0x0fedcba987654321 */
    mul a0, a1, a2
    CHECK a0, 0x2236d88fe5618cf0, "mul low bits of two negative values"
    /* the same bit patterns read three ways: signed x signed, signed x unsigned, unsigned x unsigned */
    mulh a0, a1, a2
    CHECK a0, 0x0121fa00ad77d742, "mulh of two negative values is positive"
    mulhsu a0, a1, a2
    CHECK a0, 0xeeeda38812baf852, "mulhsu reads rs1 signed, rs2 unsigned"
    mulhu a0, a1, a2
    CHECK a0, 0xdeffd7de8b55b531, "mulhu reads both unsigned"
    mulhsu a0, a2, a1
    CHECK a0, 0xf1342e5726129421, "mulhsu is not commutative"
    li a3, 0x0fedcba987654321
    mulhsu a0, a3, a1
    CHECK a0, 0x0ecbd1a8d9ed6bde, "mulhsu positive rs1, rs2 with bit 63 set is positive"
    mulh a0, a3, a1
    CHECK a0, 0xfede05ff528828bd, "mulh positive x negative is negative"
    li a1, -1
    mulh a0, a1, a1
    CHECK a0, 0, "mulh -1 x -1 = 1 has upper half 0"
    mulhu a0, a1, a1
    CHECK a0, 0xfffffffffffffffe, "mulhu (2^64-1)^2 upper half"
    mulhsu a0, a1, a1
    CHECK a0, -1, "mulhsu -1 x (2^64-1) upper half is all ones"
    li a2, 3
    li a1, -2
    mulh a0, a1, a2
    CHECK a0, -1, "mulh -2 x 3 sign-extends into the upper half"
    li a1, INT64_MIN
    mulh a0, a1, a1
    CHECK a0, 0x4000000000000000, "mulh INT64_MIN squared"
    mul a0, a1, a1
    CHECK a0, 0, "mul INT64_MIN squared low half is 0"
    li a2, 4
    mulhu a0, a1, a2
    CHECK a0, 2, "mulhu 2^63 x 4"
    mul a0, a1, a2
    CHECK a0, 0, "mul 2^63 x 4 overflows to 0"

    /* MULW: low 32 bits of the product, sign-extended; upper source bits are ignored */
    li a1, 0x7fffffff
    li a2, 2
    mulw a0, a1, a2
    CHECK a0, -2, "mulw 0x7fffffff x 2 is -2 as a 32-bit result"
    li a1, 0x100000003
    li a2, 0x100000005
    mulw a0, a1, a2
    CHECK a0, 15, "mulw ignores the upper 32 bits of both sources"
    li a1, 0x10000
    mulw a0, a1, a1
    CHECK a0, 0, "mulw 2^16 x 2^16 = 2^32 wraps to 0"
    li a1, 0x12345678
    li a2, 0x09abcdef
    mulw a0, a1, a2
    CHECK a0, 0xffffffffe242d208, "mulw with bit 31 set in the result sign-extends"

    /* DIV/REM round towards zero; the remainder takes the dividend's sign */
    li a1, -7
    li a2, 2
    div a0, a1, a2
    CHECK a0, -3, "div -7 / 2 rounds towards zero"
    rem a0, a1, a2
    CHECK a0, -1, "rem -7 % 2 has the dividend's sign"
    li a1, 7
    li a2, -2
    div a0, a1, a2
    CHECK a0, -3, "div 7 / -2"
    rem a0, a1, a2
    CHECK a0, 1, "rem 7 % -2 is positive"
    li a1, -7
    div a0, a1, a2
    CHECK a0, 3, "div -7 / -2"
    rem a0, a1, a2
    CHECK a0, -1, "rem -7 % -2"
    li a1, -7
    li a2, 2
    divu a0, a1, a2
    CHECK a0, 0x7ffffffffffffffc, "divu reads -7 as 2^64-7"
    remu a0, a1, a2
    CHECK a0, 1, "remu (2^64-7) % 2"

    /* division by zero: quotient all ones, remainder the dividend, no trap */
    li a1, 1234
    div a0, a1, zero
    CHECK a0, -1, "div by zero gives -1"
    rem a0, a1, zero
    CHECK a0, 1234, "rem by zero gives the dividend"
    divu a0, a1, zero
    CHECK a0, 0xffffffffffffffff, "divu by zero gives 2^64-1"
    remu a0, a1, zero
    CHECK a0, 1234, "remu by zero gives the dividend"
    li a1, -5
    div a0, a1, zero
    CHECK a0, -1, "div of a negative value by zero is still -1"
    rem a0, a1, zero
    CHECK a0, -5, "rem of a negative value by zero gives it back"

    /* signed overflow: INT64_MIN / -1 = INT64_MIN, remainder 0 */
    li a1, INT64_MIN
    li a2, -1
    div a0, a1, a2
    CHECK a0, INT64_MIN, "div INT64_MIN / -1 overflows to INT64_MIN"
    rem a0, a1, a2
    CHECK a0, 0, "rem INT64_MIN % -1 is 0"
    divu a0, a1, a2
    CHECK a0, 0, "divu 2^63 / (2^64-1) is 0 (no overflow unsigned)"
    remu a0, a1, a2
    CHECK a0, INT64_MIN, "remu 2^63 % (2^64-1) is 2^63"

    /* W forms: 32-bit operands from the low halves, results sign-extended */
    li a1, 0xffffffff12345678      /* low word 0x12345678; the upper half must not count */
    li a2, 7
    divw a0, a1, a2
    CHECK a0, 0x0299c335, "divw uses only the low 32 bits of rs1"
    remw a0, a1, a2
    CHECK a0, 5, "remw uses only the low 32 bits of rs1"
    li a1, 0xfffffff9              /* -7 as a word; as a 64-bit value it is positive */
    li a2, 0x100000002             /* 2 as a word */
    divw a0, a1, a2
    CHECK a0, -3, "divw -7 / 2 as words"
    remw a0, a1, a2
    CHECK a0, -1, "remw -7 % 2 as words"
    divuw a0, a1, a2
    CHECK a0, 0x7ffffffc, "divuw 0xfffffff9 / 2"
    remuw a0, a1, a2
    CHECK a0, 1, "remuw 0xfffffff9 % 2"
    li a1, 0xfffffffe
    li a2, 0xffffffff
    remuw a0, a1, a2
    CHECK a0, 0xfffffffffffffffe, "remuw result with bit 31 set sign-extends"
    li a1, 0xfffffff0
    li a2, 3
    divuw a0, a1, a2
    CHECK a0, 0x55555550, "divuw 0xfffffff0 / 3"

    /* W forms by zero: the low half of the divisor is zero even if the upper half is not */
    li a1, 0x0000000087654321
    li a2, 0x100000000
    divw a0, a1, a2
    CHECK a0, -1, "divw by a zero word gives -1"
    remw a0, a1, a2
    CHECK a0, 0xffffffff87654321, "remw by zero gives the dividend word sign-extended"
    divuw a0, a1, a2
    CHECK a0, -1, "divuw by zero gives 2^32-1 sign-extended (all ones)"
    remuw a0, a1, a2
    CHECK a0, 0xffffffff87654321, "remuw by zero gives the dividend word sign-extended"
    li a1, 0x12345678
    remuw a0, a1, zero
    CHECK a0, 0x12345678, "remuw by zero of a positive word"

    /* W overflow: INT32_MIN / -1 = INT32_MIN sign-extended, remainder 0 */
    li a1, 0x80000000
    li a2, -1
    divw a0, a1, a2
    CHECK a0, 0xffffffff80000000, "divw INT32_MIN / -1 overflows to INT32_MIN"
    remw a0, a1, a2
    CHECK a0, 0, "remw INT32_MIN % -1 is 0"
    divuw a0, a1, a2
    CHECK a0, 0, "divuw 2^31 / (2^32-1) is 0"
    remuw a0, a1, a2
    CHECK a0, 0xffffffff80000000, "remuw 2^31 % (2^32-1) is 2^31, sign-extended"

    /* rd equal to a source */
    li a1, 6
    mul a1, a1, a1
    CHECK a1, 36, "mul with rd == rs1 == rs2"
    li a1, 100
    li a2, 7
    rem a2, a1, a2
    CHECK a2, 2, "rem with rd == rs2"

TEST_END
