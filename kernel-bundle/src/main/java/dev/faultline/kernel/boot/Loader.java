package dev.faultline.kernel.boot;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Segment;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.arch.riscv64.AsidTable;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * Builds programs into a kernel the way a capDL loader does, from outside any thread: address
 * spaces with their own ASIDs, ELF images loaded into them (each page with the permissions of
 * the segments on it), CNodes, and threads configured with roots and an IPC buffer. Objects
 * come from physical memory the loader reserves, as boot's own objects do.
 */
public final class Loader {

    private final Kernel kernel;
    private final PhysicalAllocator memory;
    /** The slot of the first cap placed for each object: later caps to it are derived from that one. */
    private final Map<KernelObject, Cte> placed = new IdentityHashMap<>();

    public Loader(Kernel kernel, PhysicalAllocator memory) {
        this.kernel = kernel;
        this.memory = memory;
    }

    private <T extends KernelObject> T make(int bits, PhysicalAllocator.Maker<T> maker) {
        T object = memory.make(kernel.objects(), bits, maker);
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.ObjectCreated(kernel.now(), object.id(), object.type(),
                    object.physicalAddress(), bits, 0));
        }
        return object;
    }

    /** A new object of a type Retype makes (userSize as Retype takes it), and its original cap. */
    public Capability newObject(ObjectType type, int userSize) {
        long address = memory.place(type.sizeBits(userSize));
        Capability cap = kernel.objects().create(type, address, userSize, false, "loader");
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.ObjectCreated(kernel.now(), cap.object().id(), type, address,
                    type.sizeBits(userSize), 0));
        }
        return cap;
    }

    /** A new VSpace: a root page table with the next free ASID (making an ASID pool when needed). */
    public PageTable newVSpace() {
        AsidTable asids = kernel.asids();
        for (int poolIndex = 0; poolIndex < 1 << AsidTable.POOL_BITS; poolIndex++) {
            AsidPool pool = asids.pool(poolIndex);
            if (pool == null) {
                pool = make(12, AsidPool::new);
                asids.setPool(poolIndex, pool);
            }
            for (int i = poolIndex == 0 ? 1 : 0; i < AsidPool.ENTRIES; i++) {
                if (pool.root(i) == null) {
                    PageTable root = make(12, PageTable::new);
                    pool.setRoot(i, root);
                    root.assign(((long) poolIndex << AsidTable.INDEX_BITS) | i, new AddressSpace());
                    return root;
                }
            }
        }
        throw new IllegalStateException("every ASID is taken");
    }

    /** The cap of a root made by newVSpace, as a thread's VSpace slot holds it. */
    public static Capability vspaceCap(PageTable root) {
        return new PageTableCap(root, root.asid(), 0, true);
    }

    /** Loads elf's segments into root, creating the page tables and frames they need. */
    public void loadElf(PageTable root, ElfFile elf) {
        TreeMap<Long, Integer> pages = new TreeMap<>();
        for (Segment segment : elf.loadSegments()) {
            if (segment.memorySize() == 0) {
                continue;
            }
            int bits = (segment.isReadable() || segment.isWritable() ? 1 : 0) | (segment.isWritable() ? 2 : 0)
                    | (segment.isExecutable() ? 4 : 0);
            for (long page = segment.virtualAddress() & ~0xfffL; page < segment.virtualAddress() + segment.memorySize();
                    page += 4096) {
                pages.merge(page, bits, (a, b) -> a | b);
            }
        }
        pages.forEach((page, bits) -> mapNewFrame(root, page, new Permissions(bits)));
        for (Segment segment : elf.loadSegments()) {
            byte[] bytes = segment.copyFileBytes();
            root.addressSpace().write(segment.virtualAddress(), bytes, 0, bytes.length);
        }
    }

    /** Maps a fresh 4 KiB frame at vaddr (making the page tables on the way) and answers it. */
    public Frame mapNewFrame(PageTable root, long vaddr, Permissions permissions) {
        Frame frame = make(12, (id, address) -> new Frame(id, address, ObjectType.SMALL_PAGE, false));
        mapFrame(root, vaddr, frame, permissions);
        return frame;
    }

    /** Maps frame at vaddr, making the page tables down to the level of the frame's size. */
    public void mapFrame(PageTable root, long vaddr, Frame frame, Permissions permissions) {
        VSpace.Slot slot = VSpace.lookup(root, vaddr);
        while (slot.coverBits() > frame.sizeBits()) {
            if (slot.entry() != null) {
                throw new IllegalStateException(String.format("0x%x is already mapped", vaddr));
            }
            VSpace.mapTable(slot, make(12, PageTable::new));
            slot = VSpace.lookup(root, vaddr);
        }
        VSpace.mapFrame(root, slot, vaddr, frame, permissions);
    }

    /** A CNode of 2^radix slots and a cap to it that resolves a whole word (guard = 64 - radix). */
    public CNodeCap newCNode(int radix) {
        CNode cnode = make(radix + ObjectType.SLOT_BITS, (id, address) -> new CNode(id, address, radix));
        return new CNodeCap(cnode, 0, 64 - radix);
    }

    /** Puts cap into slot index of cnode (see {@link #place(Cte, Capability)}). */
    public void place(CNode cnode, long index, Capability cap) {
        place(cnode.slot(index), cap);
    }

    /**
     * Puts cap into the empty slot: the first cap the loader places for an object is its original;
     * later ones are copies derived from it, as seL4's loaders make them with cteInsert, so deleting
     * one of them does not finalise an object others still name.
     */
    public void place(Cte slot, Capability cap) {
        KernelObject object = cap.object();
        Cte first = object == null ? null : placed.get(object);
        if (first != null && !first.isEmpty() && Cdt.sameObjectAs(first.cap(), cap)) {
            Cdt.insert(cap, first, slot);
        } else {
            Cdt.insertOriginal(cap, slot);
            if (object != null) {
                placed.put(object, slot);
            }
        }
    }

    /** How a thread starts: its name, priority, and where it begins running. */
    public record ThreadStart(String name, int priority, long pc, long sp) {
    }

    /**
     * A thread with the given roots and an IPC buffer frame mapped at ipcBuffer (made here),
     * runnable from start.pc with start.sp.
     */
    public Tcb newThread(ThreadStart start, CNodeCap cspace, PageTable vspace, long ipcBuffer) {
        Tcb tcb = make(Tcb.SIZE_BITS, (id, address) -> new Tcb(id, address, start.name()));
        place(tcb.slot(TcbSlot.CSPACE_ROOT), cspace);
        place(tcb.slot(TcbSlot.VSPACE_ROOT), vspaceCap(vspace));
        Frame buffer = mapNewFrame(vspace, ipcBuffer & ~0xfffL, Permissions.RW);
        Cdt.insertOriginal(new FrameCap(buffer, CapRights.READ_WRITE, vspace.asid(), ipcBuffer & ~0xfffL),
                tcb.slot(TcbSlot.IPC_BUFFER));
        tcb.setIpcBuffer(ipcBuffer);
        tcb.setPriority(start.priority());
        tcb.setMaxControlledPriority(start.priority());
        tcb.registers().setPc(start.pc());
        tcb.setFaultIp(start.pc());
        tcb.registers().set(2, start.sp());
        return tcb;
    }

    /** Makes a loaded thread runnable. */
    public void start(Tcb tcb) {
        kernel.services().threads().restart(tcb);
    }
}
