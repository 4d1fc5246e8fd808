package dev.faultline.emulator.disasm;

import dev.faultline.emulator.isa.Encoding;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Generates instruction words from the encoding table: every free bit of an encoding walked as a
 * lone one and a lone zero (so every immediate's boundaries and sign bit), every value of each free
 * register field, and random fills; plus words from anywhere in the 32-bit space.
 */
final class EncodingSamples {

    private static final int[] REGISTER_FIELDS_32 = {7, 15, 20};

    private EncodingSamples() {
    }

    /** Words for every 32-bit encoding of the table. */
    static Set<Integer> fullLength(Random random, int randomFills) {
        Set<Integer> words = new LinkedHashSet<>();
        for (Encoding encoding : Encoding.values()) {
            if (!encoding.isCompressed()) {
                addWalks(words, encoding.match(), ~encoding.mask());
                addRegisterSweeps(words, encoding.match(), ~encoding.mask(), REGISTER_FIELDS_32, random);
                for (int i = 0; i < randomFills; i++) {
                    words.add(encoding.match() | (random.nextInt() & ~encoding.mask()));
                }
            }
        }
        return words;
    }

    /** Random 32-bit words, kept to those whose low bits say 32 bits long. */
    static Set<Integer> anywhere(Random random, int count) {
        Set<Integer> words = new LinkedHashSet<>();
        while (words.size() < count) {
            int word = random.nextInt() | 3;
            if (InstructionLength.of(word & 0xffff) == 4) {
                words.add(word);
            }
        }
        return words;
    }

    private static void addWalks(Set<Integer> words, int match, int freeBits) {
        words.add(match);
        words.add(match | freeBits);
        for (int bit = 0; bit < 32; bit++) {
            if ((freeBits >>> bit & 1) != 0) {
                words.add(match | 1 << bit);
                words.add(match | (freeBits & ~(1 << bit)));
            }
        }
    }

    private static void addRegisterSweeps(Set<Integer> words, int match, int free, int[] fields, Random random) {
        for (int shift : fields) {
            if ((free >>> shift & 0x1f) != 0x1f) {
                continue;
            }
            for (int value = 0; value < 32; value++) {
                int others = random.nextInt() & free & ~(0x1f << shift);
                words.add(match | others | value << shift);
            }
        }
    }
}
