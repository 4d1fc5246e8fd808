package dev.faultline.emulator.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** Compares Faultline's listing with objdump's, line by line, and reports the first differences. */
final class ListingAssertions {

    private static final int SHOWN = 25;

    private ListingAssertions() {
    }

    /**
     * Asserts the same addresses and the same text at each. {@code describe} adds context to a
     * difference (the instruction bits, say).
     */
    static void assertSameListing(List<DisassembledInstruction> objdump, List<DisassembledInstruction> ours,
            LongFunction<String> describe) {
        List<String> differences = new ArrayList<>();
        int count = Math.min(objdump.size(), ours.size());
        for (int i = 0; i < count; i++) {
            DisassembledInstruction expected = objdump.get(i);
            DisassembledInstruction actual = ours.get(i);
            if (expected.address() != actual.address() || !expected.text().equals(actual.text())) {
                differences.add(String.format("%x %s%n   objdump: %s%n   ours:    %x %s", expected.address(),
                        describe.apply(expected.address()), expected.text(), actual.address(), actual.text()));
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + count + " lines differ; first ones:\n"
                    + String.join("\n", differences.subList(0, Math.min(SHOWN, differences.size()))));
        }
        assertEquals(objdump.size(), ours.size(), "number of lines");
    }

    /** A describer naming the instruction bits at each address, for listings of generated words. */
    static LongFunction<String> bitsAt(Map<Long, String> hexByAddress) {
        return address -> "[" + hexByAddress.getOrDefault(address, "?") + "]";
    }
}
