package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.RawCodeComparison.assertReadsLikeObjdump;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FullLengthEncodingsAgainstObjdumpTest {

    private static int[] toArray(Iterable<Integer> words) {
        List<Integer> list = new ArrayList<>();
        words.forEach(list::add);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyEncodingOfTheTableReadsAsObjdumpReadsItInBothSyntaxes() {
        Set<Integer> words = EncodingSamples.fullLength(new Random(1), 150);
        assertReadsLikeObjdump("table", RawCode.words(toArray(words)));
    }

    @Test
    void randomWordsFromTheWholeSpaceReadAsObjdumpReadsThem() {
        Set<Integer> words = EncodingSamples.anywhere(new Random(2), 150_000);
        assertReadsLikeObjdump("anywhere", RawCode.words(toArray(words)));
    }

    @Test
    void everyCsrNumberIsNamedAsObjdumpNamesItInEveryCsrForm() {
        assertReadsLikeObjdump("csrs", RawCode.words(csrWords()));
    }

    @ParameterizedTest
    @EnumSource(PrivilegedSpec.class)
    void csrNamesFollowTheVersionOfThePrivilegedSpecificationTheFileRecords(PrivilegedSpec version) {
        assertReadsLikeObjdump("csrs-" + version, RawCode.words(csrWords()), version);
    }

    private static int[] csrWords() {
        List<Integer> words = new ArrayList<>();
        for (int csr = 0; csr < 4096; csr++) {
            for (int funct3 : new int[] {1, 2, 3, 5, 6, 7}) {
                words.add(csr << 20 | 11 << 15 | funct3 << 12 | 10 << 7 | 0x73); // csrrX a0,csr,a1 or zimm 11
                words.add(csr << 20 | funct3 << 12 | 10 << 7 | 0x73);            // source x0 (csrr, rdcycle...)
                words.add(csr << 20 | 11 << 15 | funct3 << 12 | 0x73);           // no destination (csrw, csrs...)
                words.add(csr << 20 | funct3 << 12 | 0x73);                      // neither (unimp, rdcycle zero)
            }
        }
        return toArray(words);
    }

    @Test
    void everySystemAndFenceShapeReadsAsObjdumpReadsIt() {
        List<Integer> words = new ArrayList<>();
        for (int funct7 = 0; funct7 < 128; funct7++) {
            for (int rs2 = 0; rs2 < 32; rs2++) {
                for (int rs1rd : new int[] {0, 5 << 15, 6 << 7, 5 << 15 | 6 << 7}) {
                    words.add(funct7 << 25 | rs2 << 20 | rs1rd | 0x73);
                }
            }
        }
        for (int fmPredSucc = 0; fmPredSucc < 4096; fmPredSucc++) {
            words.add(fmPredSucc << 20 | 0x0f);
            words.add(fmPredSucc << 20 | 0x0f | 1 << 15);
            words.add(fmPredSucc << 20 | 0x0f | 1 << 7);
            words.add(fmPredSucc << 20 | 0x100f);
        }
        assertReadsLikeObjdump("system", RawCode.words(toArray(words)));
    }
}
