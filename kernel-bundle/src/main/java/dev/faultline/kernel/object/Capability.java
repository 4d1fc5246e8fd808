package dev.faultline.kernel.object;

import dev.faultline.kernel.api.CapRights;

/**
 * A capability: an unforgeable reference to a kernel object with the rights and data that go
 * with it (seL4 cap_t; SEL4/Object/Structures). Immutable: an operation that changes a cap
 * writes a new one into its slot. {@link #tag()} is the kernel's cap-type tag that
 * seL4_DebugCapIdentify answers (riscv64 structures.bf).
 */
public sealed interface Capability {

    NullCap NULL = new NullCap();

    int tag();

    /** The object the cap names, or null for caps that name none (null, control caps, IRQ handlers). */
    KernelObject object();

    /** Whether this is the null cap (an empty slot holds it). */
    default boolean isNull() {
        return false;
    }

    /** An empty slot's cap. */
    record NullCap() implements Capability {
        public int tag() {
            return 0;
        }

        public KernelObject object() {
            return null;
        }

        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    /** Untyped memory; freeIndex is the offset in bytes where the next object may start. */
    record UntypedCap(Untyped untyped, long freeIndex) implements Capability {
        public int tag() {
            return 2;
        }

        public KernelObject object() {
            return untyped;
        }

        public UntypedCap withFreeIndex(long index) {
            return new UntypedCap(untyped, index);
        }

        @Override
        public String toString() {
            return "untyped(" + untyped.label() + ", 2^" + untyped.sizeBits() + (untyped.isDevice() ? ", device" : "")
                    + ", free from " + freeIndex + ")";
        }
    }

    /** An endpoint: Write sends, Read receives, Grant passes caps, GrantReply lets a Call give a reply cap. */
    record EndpointCap(Endpoint endpoint, long badge, CapRights rights) implements Capability {
        public int tag() {
            return 4;
        }

        public KernelObject object() {
            return endpoint;
        }

        @Override
        public String toString() {
            return "endpoint(" + endpoint.label() + ", " + rights + (badge != 0 ? ", badge 0x" + Long.toHexString(badge) : "") + ")";
        }
    }

    /** A notification: Write signals, Read waits. */
    record NotificationCap(Notification notification, long badge, CapRights rights) implements Capability {
        public int tag() {
            return 6;
        }

        public KernelObject object() {
            return notification;
        }

        @Override
        public String toString() {
            return "notification(" + notification.label() + ", " + rights + (badge != 0 ? ", badge 0x" + Long.toHexString(badge) : "")
                    + ")";
        }
    }

    /** A reply cap: the master one sits in its TCB's reply slot; a one-shot one lets a receiver answer a Call. */
    record ReplyCap(Tcb tcb, boolean master, boolean canGrant) implements Capability {
        public int tag() {
            return 8;
        }

        public KernelObject object() {
            return tcb;
        }

        @Override
        public String toString() {
            return (master ? "master reply(" : "reply(") + tcb.label() + (canGrant ? ", grant" : "") + ")";
        }
    }

    /** A CNode: guardSize bits of guard, then radix bits of index, per level of resolution. */
    record CNodeCap(CNode cnode, long guard, int guardSize) implements Capability {
        public int tag() {
            return 10;
        }

        public KernelObject object() {
            return cnode;
        }

        @Override
        public String toString() {
            return "cnode(" + cnode.label() + ", radix " + cnode.radix() + ", guard 0x" + Long.toHexString(guard)
                    + "/" + guardSize + ")";
        }
    }

    /** A thread. */
    record TcbCap(Tcb tcb) implements Capability {
        public int tag() {
            return 12;
        }

        public KernelObject object() {
            return tcb;
        }

        @Override
        public String toString() {
            return "tcb(" + tcb.label() + ")";
        }
    }

    /** A frame; where it is mapped (address space and virtual address), if anywhere. */
    record FrameCap(Frame frame, CapRights rights, long mappedAsid, long mappedAddress) implements Capability {
        public int tag() {
            return 1;
        }

        public KernelObject object() {
            return frame;
        }

        public boolean isMapped() {
            return mappedAsid != 0;
        }

        @Override
        public String toString() {
            return "frame(" + frame.label() + ", " + rights + (isMapped() ? String.format(", mapped at 0x%x in asid %d",
                    mappedAddress, mappedAsid) : "") + ")";
        }
    }

    /** A page table; where it is mapped (as the root of an ASID, or under another table), if anywhere. */
    record PageTableCap(PageTable table, long mappedAsid, long mappedAddress, boolean mapped) implements Capability {
        public int tag() {
            return 3;
        }

        public KernelObject object() {
            return table;
        }

        @Override
        public String toString() {
            return "page table(" + table.label() + (mapped ? String.format(", mapped at 0x%x in asid %d", mappedAddress,
                    mappedAsid) : "") + ")";
        }
    }

    /** The authority to create ASID pools. */
    record AsidControlCap() implements Capability {
        public int tag() {
            return 11;
        }

        public KernelObject object() {
            return null;
        }

        @Override
        public String toString() {
            return "asid control";
        }
    }

    /** An ASID pool covering ASIDs from asidBase. */
    record AsidPoolCap(AsidPool pool, long asidBase) implements Capability {
        public int tag() {
            return 13;
        }

        public KernelObject object() {
            return pool;
        }

        @Override
        public String toString() {
            return "asid pool(" + pool.label() + ", base " + asidBase + ")";
        }
    }

    /** The authority to create IRQ handler caps. */
    record IrqControlCap() implements Capability {
        public int tag() {
            return 14;
        }

        public KernelObject object() {
            return null;
        }

        @Override
        public String toString() {
            return "irq control";
        }
    }

    /** The authority over one interrupt line. */
    record IrqHandlerCap(int irq) implements Capability {
        public int tag() {
            return 16;
        }

        public KernelObject object() {
            return null;
        }

        @Override
        public String toString() {
            return "irq handler(" + irq + ")";
        }
    }

    /** The authority to set threads' scheduling domains. */
    record DomainCap() implements Capability {
        public int tag() {
            return 20;
        }

        public KernelObject object() {
            return null;
        }

        @Override
        public String toString() {
            return "domain";
        }
    }
}
