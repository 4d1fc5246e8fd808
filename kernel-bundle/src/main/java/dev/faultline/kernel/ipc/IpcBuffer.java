package dev.faultline.kernel.ipc;

import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * A thread's IPC buffer as the kernel reaches it (seL4 lookupIPCBuffer; shared_types.h layout):
 * 128 words in the frame capped in the TCB's buffer slot, at the buffer address's offset in
 * that frame. A receiver's buffer must be writable; device frames never serve.
 */
public final class IpcBuffer {

    public static final int WORDS = 128;
    public static final int MSG = 1;
    public static final int USER_DATA = 121;
    public static final int CAPS_OR_BADGES = 122;
    public static final int RECEIVE_CNODE = 125;
    public static final int RECEIVE_INDEX = 126;
    public static final int RECEIVE_DEPTH = 127;

    private final dev.faultline.emulator.memory.Frame piece;
    private final int offset;
    private final byte[] word = new byte[8];

    private IpcBuffer(dev.faultline.emulator.memory.Frame piece, int offset) {
        this.piece = piece;
        this.offset = offset;
    }

    /** Who the buffer serves: a receiver needs to write it. */
    public enum Use {
        SEND,
        RECEIVE
    }

    /** thread's buffer for this use, or null when it has none that serves. */
    public static IpcBuffer of(Tcb thread, Use use) {
        Capability cap = thread.slot(TcbSlot.IPC_BUFFER).cap();
        if (!(cap instanceof FrameCap frame) || frame.frame().isDevice() || thread.ipcBuffer() == 0) {
            return null;
        }
        boolean writable = frame.rights().read() && frame.rights().write();
        boolean readable = frame.rights().read();
        if (use == Use.RECEIVE ? !writable : !readable) {
            return null;
        }
        long inFrame = thread.ipcBuffer() & ((1L << frame.frame().sizeBits()) - 1);
        return new IpcBuffer(frame.frame().piece((int) (inFrame >>> 12)), (int) (inFrame & 0xfff));
    }

    public long word(int index) {
        piece.read(offset + 8 * index, word, 0, 8);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (word[i] & 0xff);
        }
        return value;
    }

    public void setWord(int index, long value) {
        for (int i = 0; i < 8; i++) {
            word[i] = (byte) (value >>> (8 * i));
        }
        piece.write(offset + 8 * index, word, 0, 8);
    }
}
