package dev.faultline.debug.core.model;

import java.util.Arrays;
import java.util.Base64;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;

/**
 * A range of guest memory for the Memory view, read and written through the adapter's readMemory
 * and writeMemory (in the address space of the thread the machine stopped in). Bytes the
 * adapter cannot read (unmapped pages) read as zero.
 */
public final class FaultlineMemoryBlock extends FaultlineDebugElement implements IMemoryBlock {

    private final long start;
    private final long length;

    FaultlineMemoryBlock(FaultlineDebugTarget target, long start, long length) throws DebugException {
        super(target);
        if (length <= 0 || length > Integer.MAX_VALUE) {
            throw new DebugException(org.eclipse.core.runtime.Status.error("a memory block is 1 byte to 2 GiB long, not " + length));
        }
        this.start = start;
        this.length = length;
    }

    @Override
    public long getStartAddress() {
        return start;
    }

    @Override
    public long getLength() {
        return length;
    }

    private String reference() {
        return "0x" + Long.toHexString(start);
    }

    @Override
    public byte[] getBytes() throws DebugException {
        ReadMemoryArguments arguments = new ReadMemoryArguments();
        arguments.setMemoryReference(reference());
        arguments.setCount((int) length);
        ReadMemoryResponse read = adapter().call("readMemory " + reference(), adapter -> adapter.readMemory(arguments));
        byte[] data = read.getData() == null ? new byte[0] : Base64.getDecoder().decode(read.getData());
        return Arrays.copyOf(data, (int) length);
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        WriteMemoryArguments arguments = new WriteMemoryArguments();
        arguments.setMemoryReference(reference());
        arguments.setOffset((int) offset);
        arguments.setData(Base64.getEncoder().encodeToString(bytes));
        adapter().call("writeMemory " + reference(), adapter -> adapter.writeMemory(arguments));
        fireChangeEvent(DebugEvent.CONTENT);
    }
}
