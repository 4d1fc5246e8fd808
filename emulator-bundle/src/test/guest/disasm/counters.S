/* read_counters: the user counters through Zicsr, and every kind of fence; returns their sum. */
    .text
    .globl read_counters
read_counters:
    rdcycle a0
    rdtime a1
    rdinstret a2
    csrr a3, hpmcounter3
    fence rw, rw
    fence r, w
    fence.tso
    fence
    fence.i
    add a0, a0, a1
    add a2, a2, a3
    add a0, a0, a2
    ret
