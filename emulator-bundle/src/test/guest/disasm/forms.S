/* A guest for disassembly tests: instruction forms a compiler seldom emits (HINTs, x0 operands,
   CSR immediates, privileged instructions), linked into .text but never called. */
    .text
    .globl forms
forms:
    c.nop 5
    c.addi a0, 0
    c.li zero, 3
    c.lui zero, 1
    c.slli zero, 4
    c.mv zero, a0
    c.add zero, a1
    c.srli a0, 63
    c.srai a1, 1
    c.andi a2, -1
    c.addiw a3, 0
    c.ebreak
    c.jr t0
    c.jalr t1
    addi zero, zero, 0
    addi a0, zero, 0
    addi zero, a0, 5
    xori a0, a0, -1
    andi a1, a2, 255
    sltiu a0, a1, 1
    sltu a0, zero, a1
    slt a0, a1, zero
    slt a0, zero, a1
    sub a0, zero, a1
    subw a0, zero, a1
    addiw a0, a1, 0
    slli a0, a0, 63
    srai a0, a0, 0
    sraiw a0, a0, 31
    csrrwi zero, 0x7c0, 5
    csrrsi a0, 0x7c0, 5
    csrrci a0, cycle, 31
    csrrw zero, cycle, zero
    csrrs zero, time, a0
    csrrc a0, sstatus, a1
    ecall
    ebreak
    wfi
    sret
    mret
    sfence.vma
    sfence.vma a0
    sfence.vma a0, a1
    beq a0, zero, forms
    bne zero, a0, forms
    blt zero, a0, forms
    bge a0, zero, forms
    bge zero, a0, forms
    bltu a0, a1, forms
    bgeu a0, a1, forms
    jal zero, forms
    jal ra, forms
    jal t0, forms
    jalr zero, 0(ra)
    jalr ra, 0(a0)
    jalr t0, 8(a0)
    jalr a0, 0(a1)
    lui a0, 0x10
    jalr ra, 16(a0)
    auipc a1, 0
    ld a2, 32(a1)
    lui t1, 0xfffff
    addiw t1, t1, -1
    lw a0, 8(tp)
    sd a0, -8(zero)
    lr.w.aqrl a0, (a1)
    sc.d.rl a0, a2, (a1)
    mulh a0, a1, a2
    mulhsu a0, a1, a2
    remuw a0, a1, a2
    ret
