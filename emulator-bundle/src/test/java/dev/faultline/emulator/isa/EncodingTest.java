package dev.faultline.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EncodingTest {

    /** Whether some word satisfies both match/mask pairs, ignoring carve-outs (Spike's overlap test). */
    private static boolean masksOverlap(Encoding a, Encoding b) {
        return (a.mask() & b.mask() & (a.match() ^ b.match())) == 0;
    }

    /** Whether every word matching {@code inner}'s pair also matches {@code outer}'s pair. */
    private static boolean contains(Encoding outer, Encoding inner) {
        return (outer.mask() & ~inner.mask()) == 0 && (inner.match() & outer.mask()) == outer.match();
    }

    private static boolean carvedOut(Encoding from, Encoding other) {
        return from.except().stream().anyMatch(carved -> contains(carved, other));
    }

    @Test
    void noTwoEncodingsOverlapUnlessTheSpecificationCarvesOneOutOfTheOther() {
        List<String> overlaps = new ArrayList<>();
        Encoding[] all = Encoding.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = 0; j < i; j++) {
                Encoding a = all[i];
                Encoding b = all[j];
                if (masksOverlap(a, b) && !carvedOut(a, b) && !carvedOut(b, a)) {
                    overlaps.add(a + " overlaps " + b);
                }
            }
        }
        assertEquals(List.of(), overlaps);
    }

    @Test
    void everyCarveOutLiesInsideTheEncodingItIsCarvedFrom() {
        int carveOuts = 0;
        for (Encoding encoding : Encoding.values()) {
            for (Encoding carved : encoding.except()) {
                assertTrue(contains(encoding, carved) && carved != encoding, carved + " is not inside " + encoding);
                carveOuts++;
            }
        }
        assertEquals(4, carveOuts, "C.ADDI16SP from C.LUI, C.JR from C.MV, C.EBREAK from C.JALR, C.JALR from C.ADD");
    }

    @Test
    void noHalfwordMatchesTwoEncodings() {
        for (int h = 0; h < 0x10000; h++) {
            if ((h & 3) == 3) {
                continue;
            }
            int bits = h;
            List<Encoding> matching = Arrays.stream(Encoding.values()).filter(e -> e.matches(bits)).toList();
            assertTrue(matching.size() <= 1, String.format("%04x matches %s", h, matching));
        }
    }

    @Test
    void findAgreesWithAScanOfTheWholeTable() {
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            int bits = random.nextInt();
            int word = (bits & 3) == 3 ? bits : bits & 0xffff;
            Optional<Encoding> scanned = Arrays.stream(Encoding.values()).filter(e -> e.matches(word)).findFirst();
            assertEquals(scanned, Encoding.find(word), Integer.toHexString(word));
        }
        for (Encoding encoding : Encoding.values()) {
            if (encoding.except().isEmpty()) {
                assertEquals(Optional.of(encoding), Encoding.find(encoding.match()), encoding.name());
            }
        }
    }

    @Test
    void everyOperationHasExactlyOneFullLengthEncodingOfTheSameName() {
        for (Opcode opcode : Opcode.values()) {
            List<Encoding> full = Arrays.stream(Encoding.values())
                    .filter(e -> !e.isCompressed() && e.opcode() == opcode).toList();
            if (opcode == Opcode.ILLEGAL) {
                assertEquals(List.of(), full);
            } else {
                assertEquals(1, full.size(), opcode.name());
                assertEquals(opcode.name(), full.get(0).name());
            }
        }
    }

    @Test
    void everyMatchLiesInsideItsMaskAndEveryLengthKeepsToItsHalf() {
        for (Encoding encoding : Encoding.values()) {
            assertEquals(0, encoding.match() & ~encoding.mask(), encoding.name());
            if (encoding.isCompressed()) {
                assertTrue(encoding.mask() >>> 16 == 0 && (encoding.match() & 3) != 3, encoding.name());
                assertTrue(encoding.name().startsWith("C_"), encoding.name());
            } else {
                assertTrue((encoding.mask() & 0x7f) == 0x7f && (encoding.match() & 3) == 3, encoding.name());
            }
        }
    }

    @Test
    void mnemonicsFollowTheSpecificationsSpelling() {
        assertEquals("addi", Encoding.ADDI.mnemonic());
        assertEquals("c.addi4spn", Encoding.C_ADDI4SPN.mnemonic());
        assertEquals("amoswap.w", Encoding.AMOSWAP_W.mnemonic());
        assertEquals("fence.i", Opcode.FENCE_I.mnemonic());
        assertEquals("lr.d", Opcode.LR_D.mnemonic());
        assertEquals("amomaxu.d", Opcode.AMOMAXU_D.mnemonic());
    }
}
