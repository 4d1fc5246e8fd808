package dev.faultline.kernel.api;


/**
 * A seL4 fault: what goes to a thread's fault handler as an IPC message whose label is the fault
 * tag (riscv shared_types.bf) and whose words are laid out as libsel4's constants say (§2.2 of
 * the reference). Each fault keeps the values it was raised with, so its message is fixed.
 */
public sealed interface Fault {

    /** seL4_Fault_CapFault and the others, as the message label. */
    int label();

    /** The message registers, in order. */
    long[] message();

    /** seL4's print_fault phrase, as the double-fault report uses it. */
    String describe();

    /** The kind, as libsel4 names the tag: CapFault, UnknownSyscall, UserException, VMFault. */
    default String kind() {
        return switch (this) {
            case CapFault c -> "CapFault";
            case UnknownSyscall u -> "UnknownSyscall";
            case UserException e -> "UserException";
            case VmFault v -> "VMFault";
        };
    }

    /** The message words by the names libsel4 gives their indices (seL4_VMFault_Addr is "Addr"). */
    default java.util.Map<String, Long> fields() {
        String[] names = switch (this) {
            case CapFault c -> new String[] {"IP", "Addr", "InRecvPhase", "LookupFailureType", "BitsLeft",
                c.failure() instanceof LookupFailure.GuardMismatch ? "GuardFound" : "BitsFound", "GuardSize"};
            case UnknownSyscall u -> new String[] {"FaultIP", "SP", "RA", "A0", "A1", "A2", "A3", "A4", "A5", "A6", "Syscall"};
            case UserException e -> new String[] {"FaultIP", "SP", "Number", "Code"};
            case VmFault v -> new String[] {"IP", "Addr", "PrefetchFault", "FSR"};
        };
        long[] words = message();
        java.util.Map<String, Long> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            fields.put(names[i], words[i]);
        }
        return fields;
    }

    /** A capability lookup failed in a system call. */
    record CapFault(long faultIp, long address, boolean inReceivePhase, LookupFailure failure) implements Fault {
        public static final int LABEL = 1;

        public int label() {
            return LABEL;
        }

        public long[] message() {
            long[] words = failure.words();
            long[] message = new long[4 + words.length];
            message[0] = faultIp;
            message[1] = address;
            message[2] = inReceivePhase ? 1 : 0;
            message[3] = failure.type();
            System.arraycopy(words, 0, message, 4, words.length);
            return message;
        }

        public String describe() {
            return "cap fault in " + (inReceivePhase ? "receive" : "send") + " phase at address " + pointer(address);
        }
    }

    /**
     * A system call number the kernel does not know: the message is FaultIP, sp, ra, a0..a6 and
     * the number itself.
     */
    record UnknownSyscall(long faultIp, long sp, long ra, long[] arguments, long number) implements Fault {
        public static final int LABEL = 2;
        public static final int LENGTH = 11;

        public UnknownSyscall {
            if (arguments.length != 7) {
                throw new IllegalArgumentException("an unknown-syscall fault carries a0..a6, got " + arguments.length + " words");
            }
            arguments = arguments.clone();
        }

        @Override
        public long[] arguments() {
            return arguments.clone();
        }

        // Faults are values: equal registers make equal faults.
        @Override
        public boolean equals(Object other) {
            return other instanceof UnknownSyscall o && faultIp == o.faultIp && sp == o.sp && ra == o.ra
                    && number == o.number && java.util.Arrays.equals(arguments, o.arguments);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(faultIp, sp, ra, number) * 31 + java.util.Arrays.hashCode(arguments);
        }

        public int label() {
            return LABEL;
        }

        public long[] message() {
            long[] message = new long[LENGTH];
            message[0] = faultIp;
            message[1] = sp;
            message[2] = ra;
            System.arraycopy(arguments, 0, message, 3, 7);
            message[10] = number;
            return message;
        }

        public String describe() {
            return "unknown syscall " + pointer(number);
        }
    }

    /** Any other trap that is not a page or access fault: FaultIP, sp, the scause number, code 0. */
    record UserException(long faultIp, long sp, long number, long code) implements Fault {
        public static final int LABEL = 3;

        public int label() {
            return LABEL;
        }

        public long[] message() {
            return new long[] {faultIp, sp, number, code};
        }

        public String describe() {
            return "user exception " + pointer(number) + " code " + pointer(code);
        }
    }

    /** A page or access fault: FaultIP, the address, whether it was a fetch, and the FSR (1, 5 or 7). */
    record VmFault(long faultIp, long address, boolean prefetch, long fsr) implements Fault {
        public static final int LABEL = 5;

        public int label() {
            return LABEL;
        }

        public long[] message() {
            return new long[] {faultIp, address, prefetch ? 1 : 0, fsr};
        }

        public String describe() {
            return "vm fault on " + (prefetch ? "code" : "data") + " at address " + pointer(address) + " with status "
                    + pointer(fsr);
        }
    }

    /** seL4's kernel printf %p: hexadecimal, with 0 printed as (nil). */
    static String pointer(long value) {
        return value == 0 ? "(nil)" : "0x" + Long.toHexString(value);
    }
}
