/* The libutils, sel4utils, sel4platsupport and sel4tutorials helpers tutorial code uses beside
   libsel4, included the way the tutorials include them. */
#include <assert.h>
#include <autoconf.h>
#include <sel4/sel4.h>
#include <sel4/sel4_arch/mapping.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4tutorials/alloc.h>
#include <sel4utils/helpers.h>
#include <sel4utils/util.h>
#include <stdio.h>
#include <utils/attribute.h>
#include <utils/util.h>

#include "harness.h"

static const char *const words[] = {"quick", "fox", "over"};

static void entry(void *arg0, void *arg1, void *arg2)
{
    UNUSED void *unused = arg0;
    (void) arg1;
    (void) arg2;
}

void arithmetic(void)
{
    results[0] = BIT(12);
    results[1] = MASK(5);
    results[2] = ARRAY_SIZE(words);
    results[3] = MIN(3, 9);
    results[4] = MAX(3, 9);
    results[5] = ROUND_UP(0x1001, 12);
    results[6] = ROUND_DOWN(0x1fff, 12);
    results[7] = IS_ALIGNED(0x3000, 12);
    results[8] = CONFIG_WORD_SIZE;
}

void init_local_context(void)
{
    static seL4_Word stack[64] ALIGN(16);
    seL4_UserContext regs = {0};
    results[0] = (seL4_Word) sel4utils_arch_init_local_context(entry, (void *) 1, (void *) 2, (void *) 3,
                                                               &stack[64], &regs);
    results[1] = regs.pc;
    results[2] = regs.sp;
    results[3] = regs.a0;
    results[4] = regs.a1;
    results[5] = regs.a2;
    results[6] = regs.gp;
    results[7] = (seL4_Word) entry;
    results[8] = (seL4_Word) &stack[64];
    results[9] = (seL4_Word) sel4utils_arch_init_local_context(entry, 0, 0, 0, (char *) &stack[64] - 8, &regs);
    sel4utils_set_instruction_pointer(&regs, 0x1234);
    sel4utils_set_stack_pointer(&regs, 0x5670);
    results[10] = sel4utils_get_instruction_pointer(regs);
    results[11] = sel4utils_get_sp(regs);
}

void bootinfo(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    results[0] = (seL4_Word) info;
    results[1] = seL4_GetUserData();
    results[2] = info->empty.start;
}

void allocate(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    results[0] = alloc_object(info, seL4_EndpointObject, 0);
    results[1] = info->empty.start;
}

void strerror_names(void)
{
    printf("%s %s %s\n", sel4_strerror(seL4_NoError), sel4_strerror(seL4_FailedLookup),
           sel4_strerror(seL4_NotEnoughMemory));
}

void log_fatal_if(void)
{
    int error = 2;
    ZF_LOGF_IF(error != 0, "Failed to retype thread: %d", error);
}

void log_fatal_if_error(void)
{
    seL4_Error error = seL4_InvalidCapability;
    ZF_LOGF_IFERR(error, "Failed to start new thread.");
}

void log_fatal(void)
{
    ZF_LOGF("Failed to suspend current thread");
}

void log_info_and_debug(void)
{
    ZF_LOGI("shown %d", 1);
    ZF_LOGD("hidden %d", 2);
}

void assert_failure(void)
{
    int slots = 3;
    assert(slots == 4);
}

void assert_success(void)
{
    assert(ARRAY_SIZE(words) == 3);
    results[0] = 1;
}
