package dev.faultline.kernel.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Segment;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability.AsidControlCap;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.DomainCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.IrqControlCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.object.Untyped;

/**
 * Boots a root task as seL4 does (src/kernel/boot.c, src/arch/riscv/kernel/boot.c): the ELF image
 * mapped into a new VSpace (ASID 1), the IPC buffer and boot-info frames right after it, the
 * fixed initial caps in slots 1..15 of the root CNode, then the image's page tables and frames,
 * and untypeds for the rest of memory; a0 holds the boot info's address, pc the entry.
 */
public final class RootTaskBoot {

    /** The ASID the root task's VSpace gets. */
    public static final long ROOT_ASID = 1;
    static final int MAX_UNTYPED_BITS = 38;
    static final int MAX_BOOT_UNTYPEDS = 230;

    private final Kernel kernel;
    private final PhysicalAllocator memory;
    private final CNode cnode;
    private int nextSlot = InitialSlots.FIRST_FREE;

    private RootTaskBoot(Kernel kernel) {
        this.kernel = kernel;
        this.memory = new PhysicalAllocator(kernel.config().memoryBase(),
                kernel.config().memoryBase() + kernel.config().memoryBytes());
        int bits = kernel.config().rootCNodeBits();
        this.cnode = make(bits + ObjectType.SLOT_BITS, (id, address) -> new CNode(id, address, bits));
    }

    /** Boots elf as the root task of kernel and answers its thread, which is current and running. */
    public static Tcb boot(Kernel kernel, ElfFile elf) throws BootException {
        long[] image = imageRange(elf);
        checkFits(kernel.config(), elf, image);
        return new RootTaskBoot(kernel).run(elf, image);
    }

    /**
     * seL4's boot stops with an error when memory has no room for an object, or the root CNode
     * no slot left for a cap; this refuses such an image before building anything: the boot
     * objects must fit in memory, and the caps to the page tables, the image's frames and the
     * untypeds in the root CNode's free slots.
     */
    private static void checkFits(KernelConfig config, ElfFile elf, long[] image) throws BootException {
        long pages = (image[1] - image[0]) >>> 12;
        long mappedEnd = image[1] + 2 * 4096; // the IPC buffer and boot info pages follow the image
        long tables = ((mappedEnd - 1) >>> 30) - (image[0] >>> 30) + 1 // one per GiB touched
                + ((mappedEnd - 1) >>> 21) - (image[0] >>> 21) + 1; // and one per 2 MiB
        int cnodeBits = config.rootCNodeBits() + ObjectType.SLOT_BITS;
        long cnodeEnd = align(config.memoryBase(), cnodeBits) + (1L << cnodeBits);
        // After the CNode: the root page table, the ASID pool, the page tables, the image's
        // frames, the IPC buffer and boot info frames, then the TCB.
        long end = align(cnodeEnd, 12) + (2 + tables + pages + 2) * 4096 + (1L << Tcb.SIZE_BITS);
        long memoryEnd = config.memoryBase() + config.memoryBytes();
        if (end > memoryEnd) {
            throw new BootException(String.format("%s: the image [0x%x, 0x%x) and the root task's boot objects need"
                    + " physical memory up to 0x%x, beyond its end at 0x%x", elf.fileName(), image[0], image[1], end,
                    memoryEnd));
        }
        long caps = tables + pages + untypedBlocks(end, memoryEnd).size();
        long slots = 1L << config.rootCNodeBits();
        if (InitialSlots.FIRST_FREE + caps > slots) {
            throw new BootException(String.format("%s: the image [0x%x, 0x%x) needs %d caps for its page tables and"
                    + " frames and the untypeds, more than the %d-slot root CNode has free after its %d initial caps",
                    elf.fileName(), image[0], image[1], caps, slots, InitialSlots.FIRST_FREE));
        }
    }

    /** Places an object of 2^bits bytes at the next aligned physical address. */
    private <T extends KernelObject> T make(int bits, PhysicalAllocator.Maker<T> maker) {
        T object = memory.make(kernel.objects(), bits, maker);
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.ObjectCreated(kernel.now(), object.id(), object.type(),
                    object.physicalAddress(), bits, 0));
        }
        return object;
    }

    private static long align(long address, int bits) {
        long mask = (1L << bits) - 1;
        return (address + mask) & ~mask;
    }

    private Tcb run(ElfFile elf, long[] image) {
        long ipcBuffer = image[1];
        long bootInfo = ipcBuffer + 4096;
        Cte self = slot(InitialSlots.CNODE);
        int bits = kernel.config().rootCNodeBits();
        Cdt.insertOriginal(new CNodeCap(cnode, 0, 64 - bits), self);
        Cdt.insertOriginal(new IrqControlCap(), slot(InitialSlots.IRQ_CONTROL));
        Cdt.insertOriginal(new AsidControlCap(), slot(InitialSlots.ASID_CONTROL));
        Cdt.insertOriginal(new DomainCap(), slot(InitialSlots.DOMAIN));

        PageTable root = make(12, PageTable::new);
        AsidPool pool = make(12, AsidPool::new);
        kernel.asids().setPool(0, pool);
        pool.setRoot((int) ROOT_ASID, root);
        root.assign(ROOT_ASID, new AddressSpace());
        Cdt.insertOriginal(new PageTableCap(root, ROOT_ASID, 0, true), slot(InitialSlots.VSPACE));
        Cdt.insertOriginal(new AsidPoolCap(pool, 0), slot(InitialSlots.ASID_POOL));

        BootInfo info = new BootInfo(bits, ipcBuffer);
        info.userImagePaging = mapPaging(root, image[0], bootInfo + 4096);
        info.extraBootInfoPages = new long[] {nextSlot, nextSlot};
        mapFrame(root, ipcBuffer, Permissions.RW, InitialSlots.IPC_BUFFER);
        Frame bootInfoFrame = mapFrame(root, bootInfo, Permissions.RW, InitialSlots.BOOT_INFO);
        info.userImageFrames = mapImage(root, image, elf);
        Tcb tcb = makeThread(elf, ipcBuffer, bootInfo);
        info.untypeds = makeUntypeds();
        info.empty = new long[] {nextSlot, 1L << bits};
        info.write(bootInfoFrame);
        kernel.scheduler().setCurrent(tcb);
        return tcb;
    }

    private Cte slot(int index) {
        return cnode.slot(index);
    }

    /** [start, end) of the image's pages, from its loadable segments. */
    private static long[] imageRange(ElfFile elf) throws BootException {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (Segment segment : elf.loadSegments()) {
            if (segment.memorySize() == 0) {
                continue;
            }
            start = Math.min(start, segment.virtualAddress() & ~0xfffL);
            end = Math.max(end, align(segment.virtualAddress() + segment.memorySize(), 12));
        }
        if (start == Long.MAX_VALUE) {
            throw new BootException(elf.fileName() + ": no loadable segment to boot");
        }
        if (end + 2 * 4096 > VSpace.USER_TOP || start < 4096) {
            throw new BootException(String.format("%s: the image [0x%x, 0x%x) plus its IPC buffer and boot info must lie"
                    + " in user memory [0x1000, 0x%x)", elf.fileName(), start, end, VSpace.USER_TOP));
        }
        return new long[] {start, end};
    }

    /** The page tables that cover [start, end): one per GiB and per 2 MiB region touched, as caps. */
    private long[] mapPaging(PageTable root, long start, long end) {
        long first = nextSlot;
        TreeSet<Long> gigabytes = new TreeSet<>();
        TreeSet<Long> megabytes = new TreeSet<>();
        for (long page = start; page < end; page += 4096) {
            gigabytes.add(page >>> 30);
            megabytes.add(page >>> 21);
        }
        for (long gigabyte : gigabytes) {
            mapTable(root, gigabyte << 30);
        }
        for (long megabytes2 : megabytes) {
            mapTable(root, megabytes2 << 21);
        }
        return new long[] {first, nextSlot};
    }

    private void mapTable(PageTable root, long vaddr) {
        VSpace.Slot where = VSpace.lookup(root, vaddr);
        PageTable table = make(12, PageTable::new);
        VSpace.mapTable(where, table);
        Cdt.insertOriginal(new PageTableCap(table, ROOT_ASID, vaddr, true), slot(nextSlot++));
    }

    /** Maps a fresh 4 KiB frame at vaddr; its cap goes into capSlot (or the next free slot when -1). */
    private Frame mapFrame(PageTable root, long vaddr, Permissions permissions, int capSlot) {
        Frame frame = make(12, (id, address) -> new Frame(id, address, ObjectType.SMALL_PAGE, false));
        VSpace.mapFrame(root, VSpace.lookup(root, vaddr), vaddr, frame, permissions);
        Cte slot = slot(capSlot >= 0 ? capSlot : nextSlot++);
        Cdt.insertOriginal(new FrameCap(frame, CapRights.READ_WRITE, ROOT_ASID, vaddr), slot);
        return frame;
    }

    /** Maps the image page by page (seL4 maps a root task's image read-write and executable) and loads it. */
    private long[] mapImage(PageTable root, long[] image, ElfFile elf) {
        long first = nextSlot;
        for (long page = image[0]; page < image[1]; page += 4096) {
            mapFrame(root, page, Permissions.RWX, -1);
        }
        AddressSpace space = root.addressSpace();
        for (Segment segment : elf.loadSegments()) {
            byte[] bytes = segment.copyFileBytes();
            space.write(segment.virtualAddress(), bytes, 0, bytes.length);
        }
        return new long[] {first, nextSlot};
    }

    private Tcb makeThread(ElfFile elf, long ipcBuffer, long bootInfo) {
        Tcb tcb = make(Tcb.SIZE_BITS, (id, address) -> new Tcb(id, address, "rootserver"));
        Cdt.insertOriginal(new TcbCap(tcb), slot(InitialSlots.TCB));
        Cdt.insert(slot(InitialSlots.CNODE).cap(), slot(InitialSlots.CNODE), tcb.slot(TcbSlot.CSPACE_ROOT));
        Cdt.insert(slot(InitialSlots.VSPACE).cap(), slot(InitialSlots.VSPACE), tcb.slot(TcbSlot.VSPACE_ROOT));
        Cdt.insert(slot(InitialSlots.IPC_BUFFER).cap(), slot(InitialSlots.IPC_BUFFER), tcb.slot(TcbSlot.IPC_BUFFER));
        tcb.setIpcBuffer(ipcBuffer);
        tcb.setPriority(255);
        tcb.setMaxControlledPriority(255);
        tcb.setState(ThreadState.RUNNING);
        tcb.registers().setPc(elf.entry());
        tcb.setFaultIp(elf.entry());
        tcb.registers().set(10, bootInfo);
        return tcb;
    }

    /** The rest of memory as untypeds: maximal aligned power-of-two blocks, as seL4 splits free memory. */
    private List<long[]> makeUntypeds() {
        List<long[]> untypeds = new ArrayList<>();
        for (long[] block : untypedBlocks(memory.next(), memory.end())) {
            long at = block[0];
            int sizeBits = (int) block[1];
            Untyped untyped = kernel.objects().register(id -> new Untyped(id, at, sizeBits, false));
            Cdt.insertOriginal(new UntypedCap(untyped, 0), slot(nextSlot));
            untypeds.add(new long[] {nextSlot, at, sizeBits});
            nextSlot++;
        }
        return untypeds;
    }

    /** [address, size bits] of the untypeds that cover [from, to): at most MAX_BOOT_UNTYPEDS, none under 16 bytes. */
    private static List<long[]> untypedBlocks(long from, long to) {
        List<long[]> blocks = new ArrayList<>();
        long address = from;
        while (address < to && blocks.size() < MAX_BOOT_UNTYPEDS) {
            int bits = Math.min(Long.numberOfTrailingZeros(address), MAX_UNTYPED_BITS);
            while (address + (1L << bits) > to) {
                bits--;
            }
            if (bits < 4) {
                break;
            }
            blocks.add(new long[] {address, bits});
            address += 1L << bits;
        }
        return blocks;
    }
}
