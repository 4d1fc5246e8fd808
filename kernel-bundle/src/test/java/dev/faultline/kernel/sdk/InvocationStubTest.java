package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every invocation stub at register level (reference §4.1-4.3): each case of invocations.c runs
 * on the hart, built at -O0 and -O2; the test checks the Call the kernel receives (invoked cap in
 * a0, label, extra caps through caps_or_badges, MRs packed in parameter order) and how the stub
 * reads the reply (label as seL4_Error, results from the reply's MRs).
 */
class InvocationStubTest {

    private static final long SYS_CALL = -1;
    private static final KernelAnswer SUCCESS = KernelAnswer.reply(0);

    private static SdkGuest run(String opt, String caseName, KernelAnswer answer) {
        SdkGuest guest = SdkGuest.rootTask(SdkToolchain.buildGuest("invocations", opt, "harness.c", "invocations.c"));
        assertEquals(SdkGuest.Ending.EXITED, guest.select(caseName).run(answer), caseName + " did not reach the exit");
        return guest;
    }

    /** Runs caseName against a kernel that answers success and checks the one Call it made. */
    private static SdkGuest assertInvocation(String opt, String caseName, long service, long label, long[] mrs,
                                             long... caps) {
        SdkGuest guest = run(opt, caseName, SUCCESS);
        KernelEntry call = guest.onlyCall();
        assertEquals(SYS_CALL, call.syscall(), "invocations are Calls");
        assertEquals(service, call.a()[0], "the invoked cap in a0");
        assertEquals(label, call.label(), "label");
        assertEquals(caps.length, call.extraCaps(), "extraCaps");
        assertEquals(0, call.capsUnwrapped(), "capsUnwrapped");
        assertEquals(mrs.length, call.length(), "length");
        for (int i = 0; i < mrs.length; i++) {
            assertEquals(mrs[i], call.mr(i), "MR" + i);
        }
        for (int i = 0; i < caps.length; i++) {
            assertEquals(caps[i], call.cap(i), "extra cap " + i);
        }
        assertEquals(0, guest.result(0), "a reply with label 0 is seL4_NoError");
        return guest;
    }

    private static long[] mrs(long... words) {
        return words;
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void untypedRetypeSendsSixWordsAndTheRootAsExtraCap(String opt) {
        assertInvocation(opt, "untyped_retype", 0x11, 1, mrs(1, 11, 0x33, 0x44, 0x55, 7), 0x22);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void readRegistersPacksSuspendAndArchFlagsIntoMr0AndFillsTheContextInOrder(String opt) {
        long[] words = new long[32];
        for (int i = 0; i < 32; i++) {
            words[i] = 0x1000 + i;
        }
        SdkGuest guest = run(opt, "tcb_read_registers", KernelAnswer.reply(0, words));
        KernelEntry call = guest.onlyCall();
        assertEquals(2, call.label());
        assertEquals(2, call.length());
        assertEquals(0xab01, call.mr(0), "suspend_source in bit 0, arch_flags in bits 8..15");
        assertEquals(32, call.mr(1));
        assertEquals(0, guest.result(0));
        long regs = guest.symbol("regs_out");
        for (int i = 0; i < 32; i++) {
            assertEquals(0x1000 + i, guest.readWord(regs + 8L * i), "seL4_UserContext word " + i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(0xee0 + i, guest.result(1 + i), "a successful reply leaves msg[" + i + "] alone");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void readRegistersReturnsTheErrorLabelLeavesTheContextAndStoresTheErrorWords(String opt) {
        SdkGuest guest = run(opt, "tcb_read_registers", KernelAnswer.reply(4, 1, 32));
        assertEquals(4, guest.result(0), "seL4_RangeError");
        assertEquals(1, guest.result(1), "RangeError min in msg[0]");
        assertEquals(32, guest.result(2), "RangeError max in msg[1]");
        long regs = guest.symbol("regs_out");
        for (int i = 0; i < 32; i++) {
            assertEquals(0xeeee, guest.readWord(regs + 8L * i), "context word " + i + " untouched");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void writeRegistersAlwaysSendsAll32RegistersInContextOrderAfterFlagsAndCount(String opt) {
        long[] words = new long[34];
        words[0] = 0x5a01;
        words[1] = 29;
        for (int i = 0; i < 32; i++) {
            words[2 + i] = 0x2000 + i;
        }
        assertInvocation(opt, "tcb_write_registers", 0x13, 3, words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void copyRegistersPacksFourBooleansAndArchFlagsIntoOneWord(String opt) {
        assertInvocation(opt, "tcb_copy_registers", 0x14, 4, mrs(0x7f0d), 0x15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void configureSendsTheFaultEndpointAsDataAndThreeCaps(String opt) {
        assertInvocation(opt, "tcb_configure", 0x16, 5, mrs(0x17, 0x19, 0x1b, 0x1c000), 0x18, 0x1a, 0x1d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void priorityInvocationsSendTheAuthorityAsExtraCap(String opt) {
        assertInvocation(opt, "tcb_set_priority", 0x21, 6, mrs(254), 0x22);
        assertInvocation(opt, "tcb_set_mc_priority", 0x23, 7, mrs(200), 0x24);
        assertInvocation(opt, "tcb_set_sched_params", 0x25, 8, mrs(250, 100), 0x26);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void setIpcBufferSendsTheAddressAndTheFrame(String opt) {
        assertInvocation(opt, "tcb_set_ipc_buffer", 0x27, 9, mrs(0x3000), 0x28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void setSpaceSendsTheFaultEndpointAsDataAndTwoRootCaps(String opt) {
        assertInvocation(opt, "tcb_set_space", 0x29, 10, mrs(0x2a, 0x2c, 0x2e), 0x2b, 0x2d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void suspendResumeAndUnbindAreEmptyMessages(String opt) {
        assertInvocation(opt, "tcb_suspend", 0x2f, 11, mrs());
        assertInvocation(opt, "tcb_resume", 0x30, 12, mrs());
        assertInvocation(opt, "tcb_unbind_notification", 0x33, 14, mrs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void bindNotificationSendsOnlyTheNotificationCap(String opt) {
        assertInvocation(opt, "tcb_bind_notification", 0x31, 13, mrs(), 0x32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void setTlsBaseSendsTheNewTp(String opt) {
        assertInvocation(opt, "tcb_set_tls_base", 0x34, 15, mrs(0x4000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void setFlagsSendsClearAndSetAndReturnsTheFlagsFromMr0(String opt) {
        SdkGuest guest = run(opt, "tcb_set_flags", KernelAnswer.reply(0, 1));
        KernelEntry call = guest.onlyCall();
        assertEquals(16, call.label());
        assertEquals(2, call.length());
        assertEquals(6, call.mr(0));
        assertEquals(1, call.mr(1));
        assertEquals(0, guest.result(0));
        assertEquals(1, guest.result(1), "flags");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void cnodeSlotOperationsSendIndexAndDepth(String opt) {
        assertInvocation(opt, "cnode_revoke", 0x41, 17, mrs(0x42, 0x43));
        assertInvocation(opt, "cnode_delete", 0x44, 18, mrs(0x45, 64));
        assertInvocation(opt, "cnode_cancel_badged_sends", 0x46, 19, mrs(0x47, 63));
        assertInvocation(opt, "cnode_save_caller", 0x48, 25, mrs(0x49, 62));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void copySendsDestinationSourceAndRightsWithTheSourceRootAsExtraCap(String opt) {
        assertInvocation(opt, "cnode_copy", 0x4a, 20, mrs(0x4b, 64, 0x4d, 61, 0xe), 0x4c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void copyReturnsFailedLookupWithTheErrorWordsInTheMessageRegisters(String opt) {
        SdkGuest guest = run(opt, "cnode_copy", KernelAnswer.reply(6, 1, 2, 61, 0x99));
        assertEquals(6, guest.result(0), "seL4_FailedLookup");
        for (int i = 0; i < 4; i++) {
            assertEquals(new long[] {1, 2, 61, 0x99}[i], guest.result(1 + i), "seL4_GetMR(" + i + ")");
            assertEquals(guest.result(1 + i), guest.ipcWord(1 + i), "msg[" + i + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void mintAddsTheBadgeAsTheSixthWord(String opt) {
        assertInvocation(opt, "cnode_mint", 0x4e, 21, mrs(0x4f, 64, 0x51, 60, 0xf, 0xbeef), 0x50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void moveAndMutateSendTheirWordsWithTheSourceRootAsExtraCap(String opt) {
        assertInvocation(opt, "cnode_move", 0x52, 22, mrs(0x53, 59, 0x55, 58), 0x54);
        assertInvocation(opt, "cnode_mutate", 0x56, 23, mrs(0x57, 57, 0x59, 56, 0x5eed), 0x58);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void rotateSendsEightWordsAndPivotAndSourceRootsAsExtraCaps(String opt) {
        assertInvocation(opt, "cnode_rotate", 0x5a, 24, mrs(0x5b, 55, 0xd1, 0x5d, 54, 0xd2, 0x5f, 53), 0x5c, 0x5e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void irqControlGetUsesTheGenericLabelAndGetTriggerTheRiscvOne(String opt) {
        assertInvocation(opt, "irq_control_get", 0x61, 26, mrs(7, 0x63, 64), 0x62);
        assertInvocation(opt, "irq_control_get_trigger", 0x64, 40, mrs(9, 1, 0x66, 52), 0x65);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void irqHandlerInvocationsCarryOnlyTheNotificationCap(String opt) {
        assertInvocation(opt, "irq_handler_ack", 0x67, 27, mrs());
        assertInvocation(opt, "irq_handler_set_notification", 0x68, 28, mrs(), 0x69);
        assertInvocation(opt, "irq_handler_clear", 0x6a, 29, mrs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void domainSetSendsTheDomainAndTheThread(String opt) {
        assertInvocation(opt, "domain_set_set", 0x6b, 30, mrs(3), 0x6c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void pageTableMapSendsAddressAndAttributesWithTheVspace(String opt) {
        assertInvocation(opt, "riscv_page_table_map", 0x71, 33, mrs(0x40000000, 1), 0x72);
        assertInvocation(opt, "riscv_page_table_unmap", 0x73, 34, mrs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void pageMapSendsAddressRightsAndAttributesWithTheVspace(String opt) {
        assertInvocation(opt, "riscv_page_map", 0x74, 35, mrs(0x10000000, 0x3, 0), 0x75);
        assertInvocation(opt, "riscv_page_unmap", 0x76, 36, mrs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void aFailedPageMapReportsTheMissingLevelThroughMr2(String opt) {
        SdkGuest guest = run(opt, "riscv_page_map_failed_lookup", KernelAnswer.reply(6, 0, 2, 21));
        KernelEntry call = guest.onlyCall();
        assertEquals(0x20000000, call.mr(0));
        assertEquals(0x2, call.mr(1));
        assertEquals(1, call.mr(2));
        assertEquals(6, guest.result(0), "seL4_FailedLookup");
        assertEquals(21, guest.result(1), "seL4_MappingFailedLookupLevel()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void getAddressReturnsThePhysicalAddressFromMr0(String opt) {
        SdkGuest guest = run(opt, "riscv_page_get_address", KernelAnswer.reply(0, 0x8012_3000L));
        KernelEntry call = guest.onlyCall();
        assertEquals(0x77, call.a()[0]);
        assertEquals(37, call.label());
        assertEquals(0, call.length());
        assertEquals(0, guest.result(0));
        assertEquals(0x8012_3000L, guest.result(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void getAddressReturnsTheErrorAndNoAddressOnFailure(String opt) {
        SdkGuest guest = run(opt, "riscv_page_get_address", KernelAnswer.reply(2, 0));
        assertEquals(2, guest.result(0), "seL4_InvalidCapability");
        assertEquals(0, guest.result(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void asidInvocationsSendTheirCapsInParameterOrder(String opt) {
        assertInvocation(opt, "riscv_asid_control_make_pool", 0x78, 38, mrs(0x7b, 64), 0x79, 0x7a);
        assertInvocation(opt, "riscv_asid_pool_assign", 0x7c, 39, mrs(), 0x7d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void anyErrorLabelComesBackAsTheStubsResult(String opt) {
        for (long error = 1; error <= 10; error++) {
            assertEquals(error, run(opt, "tcb_resume", KernelAnswer.reply(error)).result(0));
        }
    }
}
