package dev.faultline.emulator.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.WatchTiming;
import dev.faultline.emulator.debug.Watchpoint;

class AddressSpaceTest {

    private final AddressSpace space = new AddressSpace();

    @Test
    void mappedFrameIsFoundAtEveryOffsetOfItsPage() {
        Frame frame = new Frame();
        space.map(0x40_0000, frame, Permissions.RW);
        assertSame(frame, space.page(0x40_0000).frame());
        assertSame(frame, space.page(0x40_0fff).frame());
        assertNull(space.page(0x40_1000));
        assertNull(space.page(0x3f_ffff));
    }

    @Test
    void mappingTwiceAtOneAddressIsRefusedWithTheAddress() {
        space.map(0x1000, new Frame(), Permissions.R);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> space.map(0x1000, new Frame(), Permissions.R));
        assertTrue(e.getMessage().contains("0x1000"), e.getMessage());
    }

    @Test
    void unalignedAndKernelHalfAddressesCannotBeMapped() {
        assertThrows(IllegalArgumentException.class, () -> space.map(0x1004, new Frame(), Permissions.R));
        assertThrows(IllegalArgumentException.class, () -> space.map(AddressSpace.USER_LIMIT, new Frame(), Permissions.R));
        assertThrows(IllegalArgumentException.class, () -> space.map(-4096, new Frame(), Permissions.R));
    }

    @Test
    void unmapReturnsTheFrameAndForgetsTheTranslation() {
        Frame frame = new Frame();
        space.map(0x2000, frame, Permissions.RW);
        assertNotNull(space.readable(2));
        assertEquals(2, space.tlb().readTag[2]);
        assertSame(frame, space.unmap(0x2000));
        assertNull(space.page(0x2000));
        assertEquals(-1, space.tlb().readTag[2]);
        assertNull(space.unmap(0x2000));
        assertTrue(frame.mappings().isEmpty());
    }

    @Test
    void checkedTranslationsFollowThePermissions() {
        space.map(0x1000, new Frame(), Permissions.R);
        space.map(0x2000, new Frame(), Permissions.RW);
        space.map(0x3000, new Frame(), Permissions.X);
        assertNotNull(space.readable(1));
        assertNull(space.writable(1));
        assertNull(space.executable(1));
        assertNotNull(space.writable(2));
        assertNull(space.readable(3));
        assertNotNull(space.executable(3));
        assertNull(space.readable(4));
    }

    @Test
    void framesArePaidForOnlyWhenTouched() {
        Frame frame = new Frame();
        space.map(0x5000, frame, Permissions.RW);
        byte[] buffer = new byte[16];
        space.read(0x5000, buffer, 0, 16);
        assertFalse(frame.isTouched(), "reading an untouched frame reads zeros without allocating it");
        space.write(0x5008, new byte[] {7}, 0, 1);
        assertTrue(frame.isTouched());
    }

    @Test
    void debuggerReadsAndWritesCrossPagesAndStopAtTheFirstHole() {
        space.map(0x1000, new Frame(), Permissions.R);
        space.map(0x2000, new Frame(), Permissions.R);
        byte[] data = new byte[32];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i + 1);
        }
        assertEquals(32, space.write(0x1ff0, data, 0, 32), "the debugger writes even read-only pages");
        byte[] back = new byte[32];
        assertEquals(32, space.read(0x1ff0, back, 0, 32));
        assertArrayEquals(data, back);
        assertEquals(16, space.read(0x2ff0, back, 0, 32), "0x3000 is unmapped");
    }

    @Test
    void watchedPagesStayOutOfTheReadAndWriteTranslations() {
        space.map(0x1000, new Frame(), Permissions.RW);
        space.map(0x2000, new Frame(), Permissions.RW);
        space.addWatchpoint(new Watchpoint(0x1ffc, 8, WatchKind.WRITE, WatchTiming.AFTER));
        assertNotNull(space.readable(1));
        assertNotNull(space.writable(2));
        assertEquals(-1, space.tlb().readTag[1], "the first watched page is not handed to the fast path");
        assertEquals(-1, space.tlb().writeTag[2], "nor is the second, which the range reaches into");
        assertNotNull(space.watchpointAt(0x2000, 4, WatchKind.WRITE));
        assertNull(space.watchpointAt(0x2000, 4, WatchKind.READ), "a write watchpoint ignores reads");
        assertNull(space.watchpointAt(0x2004, 4, WatchKind.WRITE));
    }

    @Test
    void removingTheLastWatchpointLetsThePageBackIntoTheFastPath() {
        space.map(0x1000, new Frame(), Permissions.RW);
        Watchpoint watchpoint = new Watchpoint(0x1010, 4, WatchKind.ACCESS, WatchTiming.BEFORE);
        space.addWatchpoint(watchpoint);
        assertTrue(space.page(0x1000).isWatched());
        assertTrue(space.removeWatchpoint(watchpoint));
        assertFalse(space.page(0x1000).isWatched());
        space.readable(1);
        assertEquals(1, space.tlb().readTag[1]);
    }

    @Test
    void pagesMappedLaterUnderAWatchpointAreWatched() {
        space.addWatchpoint(new Watchpoint(0x7000, 1, WatchKind.READ, WatchTiming.BEFORE));
        space.map(0x7000, new Frame(), Permissions.R);
        assertTrue(space.page(0x7000).isWatched());
    }

    @Test
    void writesToAFrameForgetTheInstructionsDecodedFromItInEveryMapping() {
        Frame shared = new Frame();
        AddressSpace other = new AddressSpace();
        Page here = space.map(0x1000, shared, Permissions.RWX);
        Page there = other.map(0x8000, shared, Permissions.RX);
        here.code()[4] = 123;
        there.code()[4] = 456;
        there.code()[9] = 789;
        assertTrue(shared.holdsCode());
        shared.write(8, new byte[] {1, 2}, 0, 2);
        assertEquals(0, here.code()[4]);
        assertEquals(0, there.code()[4]);
        assertEquals(789, there.code()[9], "slots the write did not touch stay decoded");
    }

    @Test
    void aFrameHoldingCodeLeavesTheWriteTranslationsSoStoresAreChecked() {
        Frame frame = new Frame();
        Page page = space.map(0x1000, frame, Permissions.RWX);
        assertNotNull(space.writable(1));
        assertEquals(1, space.tlb().writeTag[1]);
        page.code();
        assertEquals(-1, space.tlb().writeTag[1]);
        space.writable(1);
        assertEquals(-1, space.tlb().writeTag[1]);
    }

    @Test
    void permissionsParseFromText() {
        assertEquals(Permissions.RX, Permissions.parse("r-x"));
        assertEquals(Permissions.RWX, Permissions.parse("rwx"));
        assertEquals("rw-", Permissions.RW.toString());
        assertThrows(IllegalArgumentException.class, () -> Permissions.parse("w"));
        assertThrows(IllegalArgumentException.class, () -> Permissions.parse("rq"));
    }
}
