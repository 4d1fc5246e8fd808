/* Entry point of the DWARF guests: like the bare runtime's _start, but with a stack inside the
   image (.bss), because qemu-riscv64 maps only the ELF's segments and the bare linker script
   places __stack_top past the last one. Selected with -Wl,-e,dwarf_guest_start. */
    .section .text
    .globl dwarf_guest_start
dwarf_guest_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, dwarf_guest_stack_top
    call main
    li a7, 93
    ecall
1:  j 1b

    .bss
    .balign 16
    .space 16384
dwarf_guest_stack_top:
