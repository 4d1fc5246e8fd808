package dev.faultline.debug.core.sourcelookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The participant's part that needs no session: a DWARF path outside the workspace is the file on disk. */
class SourceLookupParticipantTest {

    @TempDir
    Path folder;

    @Test
    void anAbsolutePathOutsideTheWorkspaceIsTheFileOnDisk() throws Exception {
        Path file = Files.writeString(folder.resolve("guest.c"), "int main(void) { return 0; }\n");
        FaultlineSourceLookupDirector director = new FaultlineSourceLookupDirector();
        director.initializeParticipants();
        Object[] found = ((FaultlineSourceLookupParticipant) director.getParticipants()[0]).findElements(file.toString());
        assertEquals(1, found.length);
        assertEquals(new File(file.toString()), ((LocalFileStorage) found[0]).getFile());
    }
}
