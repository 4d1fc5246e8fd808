package dev.faultline.debug.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.faultline.debug.core.testing.Guests;

/** The launch dialog's and the delegate's check of a program path, before anything starts. */
class ProgramCheckTest {

    @TempDir
    Path folder;

    @Test
    void anEmptyPathAsksForAProgram() {
        assertTrue(ProgramCheck.problem(" ").startsWith("Name the program"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals("No such file: /no/such.elf", ProgramCheck.problem("/no/such.elf"));
    }

    @Test
    void aFolderIsNotAProgram() {
        assertTrue(ProgramCheck.problem(folder.toString()).endsWith("is a folder; name an ELF file or a system description."));
    }

    @Test
    void aTextFileThatIsNoSystemDescriptionIsRefused() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "hello");
        assertEquals(notes + " is neither an ELF file nor a system description (a .system file).", ProgramCheck.problem(notes.toString()));
    }

    @Test
    void anElfForAnotherMachineIsRefused() throws Exception {
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = 2;
        header[18] = 62; // x86-64
        Path elf = Files.write(folder.resolve("x86.elf"), header);
        assertTrue(ProgramCheck.problem(elf.toString()).endsWith("is an ELF file for another machine; Faultline runs 64-bit RISC-V (RV64) programs."));
    }

    @Test
    void aRiscVRootTaskAndASystemDescriptionPass() throws Exception {
        assertNull(ProgramCheck.problem(Guests.built("target/ipc.elf").toString()));
        assertNull(ProgramCheck.problem(Guests.built("fault-handlers/fault-handlers.system").toString()));
    }
}
