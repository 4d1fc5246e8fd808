package dev.faultline.emulator.disasm;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuestProgramsAgainstObjdumpTest {

    private static Path guestSource(String file) {
        return Toolchain.moduleDir().resolve("src/test/guest/disasm").resolve(file);
    }

    private static Path compile(String program, String optimization) {
        Path[] sources = switch (program) {
            case "checksum" -> new Path[] {guestSource("checksum.c"), guestSource("forms.S")};
            case "atomics" -> new Path[] {guestSource("atomics.c"), guestSource("counters.S")};
            default -> throw new IllegalArgumentException(program);
        };
        return Toolchain.compileBare("disasm-" + program + optimization, List.of(optimization, "-g"), sources);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"checksum,-O0", "checksum,-O2", "checksum,-Os", "atomics,-O0", "atomics,-O2", "atomics,-Os"})
    void wholeTextOfACompiledGuestReadsAsObjdumpReadsItWithSymbolsInBothSyntaxes(String program, String optimization) {
        GuestElf elf = GuestElf.read(compile(program, optimization));
        ObjdumpSymbols symbols = ObjdumpSymbols.of(elf.path(), ".text", elf.sections());
        for (Syntax syntax : Syntax.values()) {
            Disassembler disassembler = new Disassembler(syntax, symbols).withPrivilegedSpec(elf.privilegedSpec());
            Disassembler withGp = symbols.valueOf("__global_pointer$").map(disassembler::withGlobalPointer)
                    .orElse(disassembler);
            List<DisassembledInstruction> ours = withGp.disassemble(elf.text(), elf.textAddress());
            ListingAssertions.assertSameListing(ObjdumpListing.of(elf.path(), syntax), ours, address -> "");
        }
    }
}
