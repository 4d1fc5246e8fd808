/* compressed: every RV64C instruction except C.EBREAK (a trap guest), written with
 * explicit c. mnemonics so each is assembled as the 16-bit form. Facts: unprivileged ISA,
 * "C" Standard Extension for Compressed Instructions (RV64C table): the 3-bit register
 * fields name x8-x15; immediates are scaled and sign- or zero-extended per form; RV64C has
 * C.ADDIW, C.SUBW, C.ADDW, C.LD, C.SD, C.LDSP, C.SDSP and no C.JAL; 32-bit instructions may
 * sit at 2-byte aligned addresses once RVC is on. C.JALR links pc+2, the address after the
 * 16-bit instruction. */
#include "macros.h"

    .data
    .balign 8
cdata:
    .dword 0x8000000180000002       /* words with bit 31 set: sign extension shows */
    .dword 0x1122334455667788
    .skip 240

    .bss
    .balign 16
cstack:                             /* the area the sp-relative forms use (sp is borrowed) */
    .skip 2048
cstack_top:

    .text
TEST_BEGIN compressed
    .option push
    .option rvc

    /* C.LI: 6-bit signed immediate, -32..31 */
    c.li a0, -32
    CHECK a0, -32, "c.li -32"
    c.li a0, 31
    CHECK a0, 31, "c.li 31"
    /* C.LUI: nzimm[17:12] sign-extended from bit 17 */
    c.lui a0, 1
    CHECK a0, 0x1000, "c.lui 1"
    c.lui a0, 0x1f
    CHECK a0, 0x1f000, "c.lui 0x1f (largest positive)"
    c.lui a0, 0xfffe0
    CHECK a0, 0xfffffffffffe0000, "c.lui 0xfffe0 sign-extends from bit 17"
    c.lui a0, 0xfffff
    CHECK a0, 0xfffffffffffff000, "c.lui 0xfffff is -4096"
    /* C.ADDI: nonzero 6-bit signed immediate added in place */
    c.li a0, 10
    c.addi a0, -32
    CHECK a0, -22, "c.addi -32"
    c.addi a0, 31
    CHECK a0, 9, "c.addi 31"
    /* C.ADDIW: 32-bit add, result sign-extended; immediate 0 is SEXT.W */
    li a0, 0x7fffffff
    c.addiw a0, 1
    CHECK a0, 0xffffffff80000000, "c.addiw overflows and sign-extends"
    li a0, 0x12345678ffffffff
    c.addiw a0, 0
    CHECK a0, -1, "c.addiw 0 is sext.w"
    /* C.MV and C.ADD use full 5-bit register fields */
    li t0, 0x123456789
    c.mv t1, t0
    CHECK t1, 0x123456789, "c.mv"
    li t2, 0x100000000
    c.add t1, t2
    CHECK t1, 0x223456789, "c.add"
    c.nop
    c.nop

    /* C.SRLI / C.SRAI / C.SLLI: 6-bit shamt in RV64C */
    li s0, 0x8000000000000001
    c.srli s0, 63
    CHECK s0, 1, "c.srli 63"
    li s0, 0x8000000000000001
    c.srai s0, 63
    CHECK s0, -1, "c.srai 63"
    li s1, 0xf000000000000000
    c.srai s1, 4
    CHECK s1, 0xff00000000000000, "c.srai 4 fills with the sign"
    li s1, 0xf000000000000000
    c.srli s1, 32
    CHECK s1, 0xf0000000, "c.srli 32 (shamt bit 5)"
    li a1, 3
    c.slli a1, 62
    CHECK a1, 0xc000000000000000, "c.slli 62"
    li t3, 1
    c.slli t3, 63
    CHECK t3, 0x8000000000000000, "c.slli 63 on x28 (full register field)"
    /* C.ANDI: 6-bit signed immediate */
    li a2, 0x123456789abcdef7
    c.andi a2, -32
    CHECK a2, 0x123456789abcdee0, "c.andi -32 keeps bits 63..5"
    li a2, 0x123456789abcdef7
    c.andi a2, 21
    CHECK a2, 0x15, "c.andi 21"
    /* C.SUB / C.XOR / C.OR / C.AND on x8-x15 */
    li a3, 10
    li a4, 15
    c.sub a3, a4
    CHECK a3, -5, "c.sub"
    li a3, 0xff00ff00ff00ff00
    li a4, 0x0ff00ff00ff00ff0
    c.xor a3, a4
    CHECK a3, 0xf0f0f0f0f0f0f0f0, "c.xor"
    li a3, 0xff00ff00ff00ff00
    c.or a3, a4
    CHECK a3, 0xfff0fff0fff0fff0, "c.or"
    li a3, 0xff00ff00ff00ff00
    c.and a3, a4
    CHECK a3, 0x0f000f000f000f00, "c.and"
    /* C.SUBW / C.ADDW: 32-bit results sign-extended */
    li a5, 0xffffffff00000000
    li s1, 1
    c.subw a5, s1
    CHECK a5, -1, "c.subw 0 - 1 as words"
    li a5, 0x7fffffff
    c.addw a5, s1
    CHECK a5, 0xffffffff80000000, "c.addw overflows and sign-extends"
    li a5, 0x100000003
    li s1, 0x200000004
    c.addw a5, s1
    CHECK a5, 7, "c.addw ignores the upper halves"

    /* C.LW / C.LD / C.SW / C.SD: offsets scaled by 4 or 8 (c.lw up to 124, c.ld to 248) */
    la s0, cdata
    c.lw a0, 0(s0)
    CHECK a0, 0xffffffff80000002, "c.lw sign-extends"
    c.lw a0, 4(s0)
    CHECK a0, 0xffffffff80000001, "c.lw offset 4"
    c.ld a0, 8(s0)
    CHECK a0, 0x1122334455667788, "c.ld offset 8"
    li a1, 0x0123456789abcdef
    c.sd a1, 248(s0)
    c.ld a0, 248(s0)
    CHECK a0, 0x0123456789abcdef, "c.sd and c.ld at offset 248 (the largest)"
    c.sw a1, 124(s0)
    c.lw a0, 124(s0)
    CHECK a0, 0xffffffff89abcdef, "c.sw and c.lw at offset 124 (the largest)"
    ld a0, 120(s0)
    li t0, 0x89abcdef00000000
    xor a0, a0, t0
    srli a0, a0, 32
    CHECK a0, 0, "c.sw wrote only its word"

    /* stack-pointer forms on a private area (cstack); sp is restored after */
    mv s4, sp
    la sp, cstack_top - 1024
    la s2, cstack_top               /* the reference point for the c.addi16sp checks */
    /* C.ADDI16SP: nonzero multiple of 16, -512..496 */
    c.addi16sp sp, -512
    sub a0, sp, s2
    CHECK a0, -1536, "c.addi16sp -512"
    c.addi16sp sp, 496
    sub a0, sp, s2
    CHECK a0, -1040, "c.addi16sp 496"
    c.addi16sp sp, 16
    sub a0, sp, s2
    CHECK a0, -1024, "c.addi16sp 16"
    /* C.ADDI4SPN: rd' = sp + nonzero multiple of 4 up to 1020 */
    c.addi4spn a0, sp, 1020
    sub a0, a0, sp
    CHECK a0, 1020, "c.addi4spn 1020"
    c.addi4spn a1, sp, 4
    sub a1, a1, sp
    CHECK a1, 4, "c.addi4spn 4"
    /* C.SWSP/C.LWSP (offsets to 252), C.SDSP/C.LDSP (to 504) */
    li a2, 0xfedcba9876543210
    c.sdsp a2, 504(sp)
    c.ldsp a0, 504(sp)
    CHECK a0, 0xfedcba9876543210, "c.sdsp and c.ldsp at 504 (the largest)"
    c.swsp a2, 252(sp)
    c.lwsp a0, 252(sp)
    CHECK a0, 0x76543210, "c.swsp and c.lwsp at 252 (the largest)"
    li a2, 0x80000000
    c.swsp a2, 0(sp)
    c.lwsp t4, 0(sp)
    CHECK t4, 0xffffffff80000000, "c.lwsp sign-extends into x29"
    c.sdsp a2, 8(sp)
    ld a0, 8(sp)
    CHECK a0, 0x80000000, "c.sdsp offset 8"
    mv sp, s4

    /* C.J forward and backward */
    li a0, 0
    c.j 1f
    li a0, 1
1:  CHECK a0, 0, "c.j forward"
    li a0, 0
    c.j 3f
2:  addi a0, a0, 5
    c.j 4f
3:  c.j 2b
4:  CHECK a0, 5, "c.j backward"
    /* C.BEQZ / C.BNEZ on x8-x15, taken and not taken */
    li s0, 0
    li a0, 0
    c.beqz s0, 1f
    li a0, 1
1:  CHECK a0, 0, "c.beqz taken on zero"
    li s0, 0x100000000             /* nonzero only above bit 31: all 64 bits count */
    li a0, 0
    c.beqz s0, 1f
    li a0, 1
1:  CHECK a0, 1, "c.beqz not taken when only bit 32 is set"
    li a0, 0
    c.bnez s0, 1f
    li a0, 1
1:  CHECK a0, 0, "c.bnez taken"
    li s0, 0
    li a0, 0
    c.bnez s0, 1f
    li a0, 1
1:  CHECK a0, 1, "c.bnez not taken on zero"

    /* C.JR and C.JALR: jump to rs1; C.JALR links pc+2 */
    la t0, 1f
    li a0, 0
    c.jr t0
    li a0, 1
1:  CHECK a0, 0, "c.jr"
    la t0, cjalr_target
    li a0, 0
cjalr_at:
    c.jalr t0
    li a0, 1
cjalr_target:
    la t1, cjalr_at + 2
    sub t1, ra, t1
    CHECK t1, 0, "c.jalr links pc+2"
    CHECK a0, 0, "c.jalr jumps to rs1"
    /* C.JALR with rs1 = ra: the target is the old ra */
    la ra, cjalr_ra_target
    li a0, 0
cjalr_ra_at:
    c.jalr ra
    li a0, 1
cjalr_ra_target:
    la t1, cjalr_ra_at + 2
    sub t1, ra, t1
    CHECK t1, 0, "c.jalr ra links pc+2 after jumping to the old ra"
    CHECK a0, 0, "c.jalr ra jumps to the old ra"

    /* a 32-bit instruction at an address that is 2 mod 4, reached by falling through and
       by a jump */
    .balign 4
    c.nop
    li a0, 0                        /* the li below assembles to 32-bit instructions at 4n+2 */
    lui a0, 0x12345
    CHECK a0, 0x12345000, "32-bit lui at a 2 mod 4 address"
    la t0, 1f
    c.jr t0
    .balign 4
    c.nop
1:  lui a1, 0x54321                 /* a 32-bit instruction at 4n+2, as a jump target */
    CHECK a1, 0x54321000, "jump to a 32-bit instruction at a 2 mod 4 address"

    /* HINTs: encodings whose only effect would be to write x0 are reserved as HINTs and
       "must execute as no-ops" (unprivileged ISA, "RVC Instruction Set Listings", the HINT
       table): C.NOP with a nonzero immediate, C.ADDI/C.LI/C.LUI/C.MV/C.ADD/C.SLLI with
       rd = x0. Written as .2byte since the assembler refuses rd = x0 in the c. forms. */
    li a0, 0x5a5a
    li a1, 0x1234
    .2byte 0x0005                   /* c.nop 1 (c.addi x0, 1) */
    .2byte 0x4015                   /* c.li x0, 5 */
    .2byte 0x6005                   /* c.lui x0, 1 */
    .2byte 0x802e                   /* c.mv x0, a1 */
    .2byte 0x902e                   /* c.add x0, a1 */
    .2byte 0x0006                   /* c.slli x0, 1 */
    mv a2, zero
    CHECK a2, 0, "C HINTs leave x0 zero"
    CHECK a0, 0x5a5a, "C HINTs leave other registers alone"
    CHECK a1, 0x1234, "C HINTs leave their source alone"

    .option pop
TEST_END
