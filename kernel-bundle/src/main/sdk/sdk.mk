# Building a Faultline guest against this SDK (GNU make). Include it with SEL4_SDK set to this
# folder, or let it find itself:
#
#     include $(SDK)/sdk.mk
#     hello.elf: hello.c ; $(SEL4_LINK) -o $@ $^
#
# which is, written out:
#     riscv64-unknown-elf-gcc -march=rv64imac -mabi=lp64 -mcmodel=medany -ffreestanding -nostdlib \
#         -static -I$SDK/include -T $SDK/link.ld $SDK/crt0.S $SDK/printf.c prog.c -lgcc
#
# A larger static stack: SEL4_LDFLAGS += -Wl,--defsym=__sel4_stack_size=0x40000

SEL4_SDK ?= $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
SEL4_CROSS ?= riscv64-unknown-elf-
SEL4_CC ?= $(SEL4_CROSS)gcc

SEL4_ARCH_FLAGS := -march=rv64imac -mabi=lp64 -mcmodel=medany
SEL4_CFLAGS := $(SEL4_ARCH_FLAGS) -ffreestanding -I$(SEL4_SDK)/include
SEL4_LDFLAGS := $(SEL4_ARCH_FLAGS) -nostdlib -static -T $(SEL4_SDK)/link.ld
SEL4_RUNTIME := $(SEL4_SDK)/crt0.S $(SEL4_SDK)/printf.c
SEL4_LIBS := -lgcc

# Compile and link in one step: $(SEL4_LINK) -o prog.elf prog.c [more sources]
SEL4_LINK = $(SEL4_CC) $(SEL4_CFLAGS) $(CFLAGS) $(SEL4_LDFLAGS) $(SEL4_RUNTIME)

%.elf: %.c $(SEL4_RUNTIME) $(SEL4_SDK)/link.ld
	$(SEL4_LINK) -o $@ $< $(SEL4_LIBS)
