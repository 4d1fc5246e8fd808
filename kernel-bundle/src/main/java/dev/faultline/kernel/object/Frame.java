package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/**
 * A frame of 4 KiB, 2 MiB or 1 GiB: physical memory a thread can map. Its 4 KiB pieces are the
 * emulator's frames, made when first needed, so a large frame costs only what is touched.
 */
public final class Frame extends KernelObject {

    private final ObjectType type;
    private final boolean device;
    private dev.faultline.emulator.memory.Frame[] pieces;

    public Frame(long id, long physicalAddress, ObjectType type, boolean device) {
        super(id, physicalAddress, type.sizeBits(0));
        if (type != ObjectType.SMALL_PAGE && type != ObjectType.MEGA_PAGE && type != ObjectType.GIGA_PAGE) {
            throw new IllegalArgumentException(type + " is not a frame type");
        }
        this.type = type;
        this.device = device;
    }

    @Override
    public ObjectType type() {
        return type;
    }

    /** Device frames map device memory: never zeroed, and nothing answers there in this machine. */
    public boolean isDevice() {
        return device;
    }

    /** How many 4 KiB pieces the frame has. */
    public int pieceCount() {
        return 1 << (sizeBits() - 12);
    }

    /** The emulator frame behind the 4 KiB piece at index. */
    public dev.faultline.emulator.memory.Frame piece(int index) {
        if (pieces == null) {
            pieces = new dev.faultline.emulator.memory.Frame[pieceCount()];
        }
        dev.faultline.emulator.memory.Frame piece = pieces[index];
        if (piece == null) {
            piece = device ? dev.faultline.emulator.memory.Frame.unbacked() : new dev.faultline.emulator.memory.Frame();
            pieces[index] = piece;
        }
        return piece;
    }

    @Override
    public String label() {
        String size = switch (type) {
            case SMALL_PAGE -> "4K";
            case MEGA_PAGE -> "2M";
            default -> "1G";
        };
        return "frame" + size + " #" + id();
    }
}
