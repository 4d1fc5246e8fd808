package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system call stubs at register level (reference §1.2, §1.6): each case of syscalls.c runs on
 * the hart, built at -O0 and -O2, and the test checks what a kernel would receive at the ecall and
 * what the stub makes of the kernel's answer.
 */
class SyscallStubTest {

    private static final long SYS_CALL = -1, SYS_REPLY_RECV = -2, SYS_SEND = -3, SYS_NB_SEND = -4;
    private static final long SYS_RECV = -5, SYS_REPLY = -6, SYS_YIELD = -7, SYS_NB_RECV = -8;
    private static final long SYS_PUT_CHAR = -9, SYS_DUMP_SCHEDULER = -10, SYS_HALT = -11;
    private static final long SYS_CAP_IDENTIFY = -12, SYS_SNAPSHOT = -13, SYS_NAME_THREAD = -14;

    private static long info(long label, long capsUnwrapped, long extraCaps, long length) {
        return label << 12 | capsUnwrapped << 9 | extraCaps << 7 | length;
    }

    private static SdkGuest run(String opt, String caseName, KernelAnswer answer) {
        SdkGuest guest = SdkGuest.rootTask(SdkToolchain.buildGuest("syscalls", opt, "harness.c", "syscalls.c"));
        assertEquals(SdkGuest.Ending.EXITED, guest.select(caseName).run(answer), caseName + " did not reach the exit");
        return guest;
    }

    private static void assertMessageRegisters(KernelEntry entry, long... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], entry.mr(i), "MR" + i);
        }
    }

    private static void assertBufferMessageRegisters(SdkGuest guest, long... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], guest.ipcWord(1 + i), "msg[" + i + "] in the IPC buffer");
        }
    }

    private static void assertResults(SdkGuest guest, long... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], guest.result(i), "results[" + i + "]");
        }
    }

    /** A kernel that, as a real one may, returns with junk in a(first)..a(last), the registers the stub marks as changed. */
    private static KernelAnswer scribble(int first, int last) {
        return (entry, guest) -> {
            for (int i = first; i <= last; i++) {
                guest.setRegister("a" + i, 0xdead_0000L + i);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void sendPassesDestInA0InfoInA1FirstFourMessageRegistersInA2ToA5AndTheRestInTheBuffer(String opt) {
        KernelEntry entry = run(opt, "send", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_SEND, entry.syscall());
        assertEquals(0x10, entry.a()[0]);
        assertEquals(info(0x123, 0, 1, 6), entry.info());
        assertEquals(0xa0, entry.a()[2]);
        assertEquals(0xa3, entry.a()[5]);
        assertMessageRegisters(entry, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5);
        assertEquals(0xc0, entry.cap(0), "extra cap 0 in caps_or_badges[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void nbSendMarshalsLikeSendUnderItsOwnNumber(String opt) {
        KernelEntry entry = run(opt, "nb_send", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_NB_SEND, entry.syscall());
        assertEquals(0x11, entry.a()[0]);
        assertEquals(info(0x124, 0, 0, 5), entry.info());
        assertMessageRegisters(entry, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void sendWithMrsSendsOnlyGivenRegistersWithinTheLengthAndZeroOtherwise(String opt) {
        SdkGuest guest = run(opt, "send_with_mrs", KernelAnswer.NONE);
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_SEND, entry.syscall());
        assertEquals(0x12, entry.a()[0]);
        assertArrayEquals(new long[] {0xd0, 0xd1, 0, 0}, new long[] {entry.a()[2], entry.a()[3], entry.a()[4], entry.a()[5]});
        assertBufferMessageRegisters(guest, 0xee0, 0xee1, 0xee2, 0xee3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void nbSendWithMrsSendsAllFourPointedRegisters(String opt) {
        KernelEntry entry = run(opt, "nb_send_with_mrs", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_NB_SEND, entry.syscall());
        assertEquals(0x13, entry.a()[0]);
        assertMessageRegisters(entry, 0xd0, 0xd1, 0xd2, 0xd3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void signalIsASendOfAnEmptyMessage(String opt) {
        KernelEntry entry = run(opt, "signal", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_SEND, entry.syscall());
        assertEquals(0x14, entry.a()[0]);
        assertEquals(0, entry.info());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void callSendsLikeSendAndStoresTheReplysRegistersInTheBuffer(String opt) {
        long replyInfo = info(0x7, 0, 0, 4);
        SdkGuest guest = run(opt, "call", (e, g) -> g.deliver(0x99, replyInfo, 0xb0, 0xb1, 0xb2, 0xb3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_CALL, entry.syscall());
        assertEquals(0x15, entry.a()[0]);
        assertEquals(info(0x127, 0, 0, 5), entry.info());
        assertMessageRegisters(entry, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4);
        assertResults(guest, replyInfo, 0xb0, 0xb1, 0xb2, 0xb3);
        assertBufferMessageRegisters(guest, 0xb0, 0xb1, 0xb2, 0xb3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void callWithMrsAnswersThroughThePointersAndLeavesTheBufferAlone(String opt) {
        long replyInfo = info(0x8, 0, 0, 4);
        SdkGuest guest = run(opt, "call_with_mrs", (e, g) -> g.deliver(0, replyInfo, 0xb0, 0xb1, 0xb2, 0xb3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_CALL, entry.syscall());
        assertEquals(0x16, entry.a()[0]);
        assertEquals(info(0x128, 0, 0, 3), entry.info());
        assertMessageRegisters(entry, 0xd0, 0xd1, 0xd2, 0);
        assertResults(guest, replyInfo, 0xb0, 0xb1, 0xb2, 0xb3);
        assertBufferMessageRegisters(guest, 0xee0, 0xee1, 0xee2, 0xee3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void recvPassesTheSourceAndStoresBadgeInfoAndA2ToA5IntoMessageRegisters(String opt) {
        long delivered = info(0x55, 0, 0, 4);
        SdkGuest guest = run(opt, "recv", (e, g) -> g.deliver(0xbadbad, delivered, 0xc0, 0xc1, 0xc2, 0xc3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_RECV, entry.syscall());
        assertEquals(0x17, entry.a()[0]);
        assertResults(guest, delivered, 0xbadbad);
        assertBufferMessageRegisters(guest, 0xc0, 0xc1, 0xc2, 0xc3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void recvAcceptsANullSender(String opt) {
        SdkGuest guest = run(opt, "recv_without_sender", (e, g) -> g.deliver(0x5, info(1, 0, 0, 0)));
        assertEquals(0x18, guest.onlyCall().a()[0]);
        assertResults(guest, info(1, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void recvWithMrsAnswersThroughThePointersAndLeavesTheBufferAlone(String opt) {
        long delivered = info(0x56, 0, 0, 4);
        SdkGuest guest = run(opt, "recv_with_mrs", (e, g) -> g.deliver(0x42, delivered, 0xc0, 0xc1, 0xc2, 0xc3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_RECV, entry.syscall());
        assertEquals(0x19, entry.a()[0]);
        assertResults(guest, delivered, 0x42, 0xc0, 0xc1, 0xc2, 0xc3);
        assertBufferMessageRegisters(guest, 0xee0, 0xee1, 0xee2, 0xee3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void nbRecvStoresWhatArrivedLikeRecvUnderItsOwnNumber(String opt) {
        long delivered = info(0x57, 0, 0, 2);
        SdkGuest guest = run(opt, "nb_recv", (e, g) -> g.deliver(0x43, delivered, 0xc0, 0xc1, 0xc2, 0xc3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_NB_RECV, entry.syscall());
        assertEquals(0x1a, entry.a()[0]);
        assertResults(guest, delivered, 0x43);
        assertBufferMessageRegisters(guest, 0xc0, 0xc1, 0xc2, 0xc3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void replyPassesInfoInA1AndMessageRegistersInA2ToA5AndTheBuffer(String opt) {
        KernelEntry entry = run(opt, "reply", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_REPLY, entry.syscall());
        assertEquals(info(0x129, 0, 0, 5), entry.info());
        assertMessageRegisters(entry, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void replyWithMrsSendsTheOneGivenRegister(String opt) {
        KernelEntry entry = run(opt, "reply_with_mrs", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_REPLY, entry.syscall());
        assertEquals(info(0x12a, 0, 0, 1), entry.info());
        assertMessageRegisters(entry, 0xd0, 0, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void replyRecvSendsTheReplyAndStoresTheNextMessage(String opt) {
        long delivered = info(0x58, 0, 0, 4);
        SdkGuest guest = run(opt, "reply_recv", (e, g) -> g.deliver(0x77, delivered, 0xc0, 0xc1, 0xc2, 0xc3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_REPLY_RECV, entry.syscall());
        assertEquals(0x1b, entry.a()[0]);
        assertEquals(info(0x12b, 0, 0, 4), entry.info());
        assertMessageRegisters(entry, 0xa0, 0xa1, 0xa2, 0xa3);
        assertResults(guest, delivered, 0x77);
        assertBufferMessageRegisters(guest, 0xc0, 0xc1, 0xc2, 0xc3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void replyRecvWithMrsMovesRegistersOnlyThroughThePointers(String opt) {
        long delivered = info(0x59, 0, 0, 4);
        SdkGuest guest = run(opt, "reply_recv_with_mrs", (e, g) -> g.deliver(0x78, delivered, 0xc0, 0xc1, 0xc2, 0xc3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_REPLY_RECV, entry.syscall());
        assertEquals(0x1c, entry.a()[0]);
        assertMessageRegisters(entry, 0xd0, 0xd1, 0, 0);
        assertResults(guest, delivered, 0x78, 0xc0, 0xc1, 0xc2, 0xc3);
        assertBufferMessageRegisters(guest, 0xee0, 0xee1, 0xee2, 0xee3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void yieldIsSyscallMinusSeven(String opt) {
        assertEquals(SYS_YIELD, run(opt, "yield", KernelAnswer.NONE).onlyCall().syscall());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void waitIsARecvThatYieldsTheNotificationWord(String opt) {
        SdkGuest guest = run(opt, "wait", (e, g) -> g.setRegister("a0", 0x3));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_RECV, entry.syscall());
        assertEquals(0x1d, entry.a()[0]);
        assertResults(guest, 0x3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void pollIsAnNbRecv(String opt) {
        SdkGuest guest = run(opt, "poll", (e, g) -> g.deliver(0, info(0, 0, 0, 0)));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_NB_RECV, entry.syscall());
        assertEquals(0x1e, entry.a()[0]);
        assertResults(guest, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void debugPutCharPassesTheCharacterInA0AndZeroInA1ToA5(String opt) {
        KernelEntry entry = run(opt, "debug_put_char", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_PUT_CHAR, entry.syscall());
        assertArrayEquals(new long[] {'Z', 0, 0, 0, 0, 0}, Arrays.copyOf(entry.a(), 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void debugDumpSchedulerPassesZeroInA0(String opt) {
        KernelEntry entry = run(opt, "debug_dump_scheduler", KernelAnswer.NONE).onlyCall();
        assertEquals(SYS_DUMP_SCHEDULER, entry.syscall());
        assertEquals(0, entry.a()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void debugHaltAndSnapshotUseTheirNumbers(String opt) {
        assertEquals(SYS_HALT, run(opt, "debug_halt", KernelAnswer.NONE).onlyCall().syscall());
        assertEquals(SYS_SNAPSHOT, run(opt, "debug_snapshot", KernelAnswer.NONE).onlyCall().syscall());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void debugCapIdentifyPassesTheCapAndReturnsA0(String opt) {
        SdkGuest guest = run(opt, "debug_cap_identify", (e, g) -> g.setRegister("a0", 12));
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_CAP_IDENTIFY, entry.syscall());
        assertEquals(0x1f, entry.a()[0]);
        assertResults(guest, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void debugNameThreadPassesTheTcbAndTheNameFromMsgZeroOfTheBuffer(String opt) {
        SdkGuest guest = run(opt, "debug_name_thread", KernelAnswer.NONE);
        KernelEntry entry = guest.onlyCall();
        assertEquals(SYS_NAME_THREAD, entry.syscall());
        assertEquals(0x20, entry.a()[0]);
        assertEquals("worker-7", guest.readString(guest.ipcBufferAddress() + 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void ipcBufferAccessorsUseTheReferenceWordIndices(String opt) {
        SdkGuest guest = run(opt, "ipc_buffer_accessors", KernelAnswer.NONE);
        assertEquals(0x5eed, guest.ipcWord(121), "userData");
        assertArrayEquals(new long[] {0xc0, 0xc1, 0xc2}, new long[] {guest.ipcWord(122), guest.ipcWord(123), guest.ipcWord(124)});
        assertArrayEquals(new long[] {0x21, 0x22, 0x23}, new long[] {guest.ipcWord(125), guest.ipcWord(126), guest.ipcWord(127)});
        assertEquals(0xa0, guest.ipcWord(1), "msg[0]");
        assertEquals(0xa119, guest.ipcWord(120), "msg[119]");
        assertResults(guest, 0x5eed, 0xc1, 0xc2, 0x21, 0x22, 0x23, 0xa119, guest.ipcBufferAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void messageInfoRightsAndCNodeCapDataPutEveryFieldInItsBits(String opt) {
        SdkGuest guest = run(opt, "bitfields", KernelAnswer.NONE);
        assertResults(guest, -1L, 1L << 12, 1L << 9, 1L << 7, 1,
                0x1234, 5, 2, 99, info(0x77, 2, 1, 3),
                0xf, 0x2, 0x1, 0x4, 0x8, 0x3, 0xe, 0xd, 0,
                0x2aL << 6 | 48, 1, 0x2a, 48);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void sendRebuildsEveryArgumentRegisterAfterAKernelChangedThem(String opt) {
        List<KernelEntry> calls = run(opt, "send_twice", scribble(0, 5)).calls();
        assertEquals(2, calls.size());
        assertArrayEquals(calls.get(0).a(), calls.get(1).a());
        assertEquals(0x10, calls.get(1).a()[0]);
        assertMessageRegisters(calls.get(1), 0xa0, 0xa1, 0xa2, 0xa3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void replyRebuildsA1ToA5AfterAKernelChangedThem(String opt) {
        // Reply leaves a0 alone (reference §1.2: a0 is not used), so the compiler may keep a value there.
        List<KernelEntry> calls = run(opt, "reply_twice", scribble(1, 5)).calls();
        assertEquals(2, calls.size());
        assertEquals(info(0x131, 0, 0, 4), calls.get(1).info());
        assertMessageRegisters(calls.get(1), 0xa0, 0xa1, 0xa2, 0xa3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void signalAndPutCharRebuildTheirRegistersAfterAKernelChangedThem(String opt) {
        List<KernelEntry> signals = run(opt, "signal_twice", scribble(0, 5)).calls();
        assertEquals(0x14, signals.get(1).a()[0]);
        assertEquals(0, signals.get(1).info());
        List<KernelEntry> chars = run(opt, "put_char_twice", scribble(0, 5)).calls();
        assertArrayEquals(new long[] {'Q', 0, 0, 0, 0, 0}, Arrays.copyOf(chars.get(1).a(), 6));
    }
}
