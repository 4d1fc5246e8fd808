package dev.faultline.emulator.translate;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.emulator.isa.Decoder;
import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.jvm.ClassBuilder;
import dev.faultline.emulator.jvm.Code;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;

/**
 * Translates a basic block of guest code into a hidden JVM class, so that the JIT compiles hot
 * guest code to native code. A block starts at a given pc and runs straight through its page
 * to the first jump or branch (included); it stops before anything the interpreter must
 * execute (traps, counters, fence.i, a breakpoint) and before an instruction that leaves the page.
 */
public final class BlockTranslator {

    /** The most instructions one block holds, which keeps the generated methods small enough to compile. */
    public static final int MAX_INSTRUCTIONS = 48;

    private static final String NAME = "dev/faultline/emulator/translate/GuestBlock";
    private static final String SUPER = "dev/faultline/emulator/translate/Block";
    private static final String RUN = "([JLdev/faultline/emulator/memory/Tlb;Ldev/faultline/emulator/translate/GuestMemory;)J";

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private record Decoded(Instruction instruction, long pc) {
    }

    /**
     * The block starting at pc in page, or null when its first instruction is not one a block
     * may hold. The page's frame bytes are read now; the caller drops the block when they change.
     */
    public Block translate(Page page, long pc) {
        List<Decoded> instructions = decode(page, pc);
        if (instructions.isEmpty()) {
            return null;
        }
        ClassBuilder builder = new ClassBuilder(NAME, SUPER);
        Code constructor = builder.method(ClassBuilder.ACC_PUBLIC, "<init>", "()V", 1);
        constructor.aload(0).invokespecial(SUPER, "<init>", "()V").vreturn();
        Code run = builder.method(ClassBuilder.ACC_PUBLIC, "run", RUN, BlockEmitter.MAX_LOCALS);
        BlockEmitter emitter = new BlockEmitter(run);
        emitter.prologue();
        for (int i = 0; i < instructions.size() - 1; i++) {
            emitter.instruction(instructions.get(i).instruction(), instructions.get(i).pc());
        }
        Decoded last = instructions.get(instructions.size() - 1);
        emitter.end(last.instruction(), last.pc(), last.pc() + last.instruction().length());
        Block block = define(builder.build());
        block.describe(instructions.stream().mapToLong(Decoded::pc).toArray(), last.pc() + last.instruction().length());
        return block;
    }

    private static List<Decoded> decode(Page page, long pc) {
        List<Decoded> instructions = new ArrayList<>();
        byte[] bytes = page.frame().bytes();
        int offset = (int) (pc - page.address());
        while (instructions.size() < MAX_INSTRUCTIONS && offset + 2 <= Frame.SIZE) {
            long at = page.address() + offset;
            if (page.space().breakpoints().contains(at)) {
                break;
            }
            int bits = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
            if ((bits & 3) == 3) {
                if (offset + 4 > Frame.SIZE) {
                    break;
                }
                bits |= (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
            }
            Instruction instruction = Decoder.decode(bits);
            if (!BlockEmitter.translatable(instruction.opcode())) {
                break;
            }
            instructions.add(new Decoded(instruction, at));
            if (BlockEmitter.endsBlock(instruction.opcode())) {
                break;
            }
            offset += instruction.length();
        }
        return instructions;
    }

    private static Block define(byte[] classFile) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(classFile, true);
            return (Block) hidden.lookupClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the JVM refused a translated block: " + e, e);
        }
    }
}
