package dev.faultline.kernel.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.kernel.interrupt.Interrupts;
import dev.faultline.kernel.system.SystemDescription.CapKind;
import dev.faultline.kernel.system.SystemDescription.CapSpec;
import dev.faultline.kernel.system.SystemDescription.Mapping;
import dev.faultline.kernel.system.SystemDescription.ObjectDeclaration;
import dev.faultline.kernel.system.SystemDescription.ObjectKind;
import dev.faultline.kernel.system.SystemDescription.Program;
import dev.faultline.kernel.system.SystemDescription.Slot;
import dev.faultline.kernel.system.SystemDescription.Timer;

/**
 * Reads a system description: one statement per line, '#' starts a comment, a program's settings
 * sit between "{" and "}". Every mistake is reported with the file, the line and what was expected.
 */
public final class SystemParser {

    /** A program's CNode size when the description does not say: 2^8 slots. */
    public static final int DEFAULT_CNODE_BITS = 8;
    /** A program's priority when the description does not say, as capDL-loaded tutorial threads run. */
    public static final int DEFAULT_PRIORITY = 254;

    private final String fileName;
    private final Path directory;
    private final List<ObjectDeclaration> objects = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Timer timer;
    private ProgramBuilder open;
    private int line;

    private SystemParser(Path file) {
        this.fileName = file.getFileName().toString();
        this.directory = file.toAbsolutePath().getParent();
    }

    /** Parses the description in file; ELF paths are relative to the file's folder. */
    public static SystemDescription parse(Path file) throws SystemDescriptionException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SystemDescriptionException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new SystemDescriptionException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses text as the description in file. */
    public static SystemDescription parse(Path file, String text) throws SystemDescriptionException {
        SystemParser parser = new SystemParser(file);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line = i + 1;
            parser.statement(Tokens.of(lines[i], parser::error));
        }
        parser.line = lines.length;
        if (parser.open != null) {
            throw parser.error("program " + parser.open.name + " (line " + parser.open.line + ") is missing its closing '}'");
        }
        SystemDescription description = new SystemDescription(file, List.copyOf(parser.objects), List.copyOf(parser.programs),
                parser.timer);
        References.check(description, parser.fileName);
        return description;
    }

    SystemDescriptionException error(String message) {
        return new SystemDescriptionException(fileName, line, message);
    }

    private void statement(Tokens tokens) throws SystemDescriptionException {
        if (tokens.isEmpty()) {
            return;
        }
        if (open != null) {
            programSetting(tokens);
            return;
        }
        String keyword = tokens.word("a declaration (endpoint, notification, frame, untyped, timer or program)");
        switch (keyword) {
            case "endpoint" -> object(tokens, ObjectKind.ENDPOINT, 4);
            case "notification" -> object(tokens, ObjectKind.NOTIFICATION, 5);
            case "frame" -> {
                String name = newName(tokens);
                int bits = 12;
                if (!tokens.isEmpty()) {
                    String size = tokens.word("a frame size (4k or 2m)");
                    bits = switch (size.toLowerCase()) {
                        case "4k" -> 12;
                        case "2m" -> 21;
                        default -> throw error("expected a frame size of 4k or 2m, found '" + size + "'");
                    };
                }
                tokens.end();
                objects.add(new ObjectDeclaration(name, ObjectKind.FRAME, bits, line));
            }
            case "untyped" -> {
                String name = newName(tokens);
                long bits = tokens.number("the untyped's size in bits");
                if (bits < 4 || bits > 38) {
                    throw error("expected an untyped size between 4 and 38 bits, found " + bits);
                }
                tokens.end();
                objects.add(new ObjectDeclaration(name, ObjectKind.UNTYPED, (int) bits, line));
            }
            case "timer" -> timer(tokens);
            case "program" -> {
                String name = newName(tokens);
                String elf = tokens.string("the program's ELF file, in quotes");
                tokens.expect("{");
                tokens.end();
                open = new ProgramBuilder(name, directory.resolve(elf), line);
            }
            default -> throw error("expected a declaration (endpoint, notification, frame, untyped, timer or program),"
                    + " found '" + keyword + "'");
        }
    }

    private void object(Tokens tokens, ObjectKind kind, int bits) throws SystemDescriptionException {
        String name = newName(tokens);
        tokens.end();
        objects.add(new ObjectDeclaration(name, kind, bits, line));
    }

    private String newName(Tokens tokens) throws SystemDescriptionException {
        String name = tokens.name("a name");
        if (!names.add(name)) {
            throw error("'" + name + "' is declared twice");
        }
        return name;
    }

    private void timer(Tokens tokens) throws SystemDescriptionException {
        if (timer != null) {
            throw error("a system has one timer; another was declared on line " + timer.line());
        }
        tokens.expect("every");
        long period = tokens.number("the timer's period in instructions");
        tokens.expect("instructions");
        tokens.expect("irq");
        long irq = tokens.number("the timer's interrupt number");
        tokens.end();
        if (period < 1) {
            throw error("expected a timer period of at least one instruction, found " + period);
        }
        if (irq < 1 || irq > Interrupts.MAX_IRQ) {
            throw error("expected an interrupt number between 1 and " + Interrupts.MAX_IRQ + ", found " + irq);
        }
        timer = new Timer(period, (int) irq, line);
    }

    private void programSetting(Tokens tokens) throws SystemDescriptionException {
        String keyword = tokens.word("a program setting (priority, cnode_bits, fault_handler, cap, slot, map) or '}'");
        ProgramBuilder program = open;
        switch (keyword) {
            case "}" -> {
                tokens.end();
                programs.add(program.build(this));
                open = null;
            }
            case "priority" -> {
                long priority = tokens.number("a priority");
                tokens.end();
                if (priority < 0 || priority > 255) {
                    throw error("expected a priority between 0 and 255, found " + priority);
                }
                program.priority = (int) priority;
            }
            case "cnode_bits" -> {
                long bits = tokens.number("the CNode's size in bits");
                tokens.end();
                if (bits < 1 || bits > 20) {
                    throw error("expected a CNode size between 1 and 20 bits, found " + bits);
                }
                program.cnodeBits = (int) bits;
            }
            case "fault_handler" -> {
                program.faultHandler = tokens.name("the name of the cap (declared with 'cap') that is the fault handler");
                program.faultHandlerLine = line;
                tokens.end();
            }
            case "cap" -> {
                String symbol = tokens.name("the cap's name, which binds the program's symbol of that name");
                tokens.expect("=");
                program.add(null, symbol, CapSpecs.parse(tokens, this), line, this);
            }
            case "slot" -> {
                long index = tokens.number("a slot number");
                tokens.expect("=");
                program.add(index, null, CapSpecs.parse(tokens, this), line, this);
            }
            case "map" -> {
                String frame = tokens.name("the frame to map");
                long address = tokens.number("the virtual address to map it at");
                String rights = tokens.word("the mapping's rights (r, rw, rx or rwx)").toLowerCase();
                tokens.end();
                if (!Set.of("r", "rw", "rx", "rwx").contains(rights)) {
                    throw error("expected rights r, rw, rx or rwx, found '" + rights + "'");
                }
                program.mappings.add(new Mapping(frame, address, rights, line));
            }
            default -> throw error("expected a program setting (priority, cnode_bits, fault_handler, cap, slot, map) or"
                    + " '}', found '" + keyword + "'");
        }
    }

    /** A program being read: slots are numbered from 1 in the order caps are declared. */
    private static final class ProgramBuilder {
        final String name;
        final Path elf;
        final int line;
        int priority = DEFAULT_PRIORITY;
        int cnodeBits = DEFAULT_CNODE_BITS;
        String faultHandler;
        int faultHandlerLine;
        final List<Slot> slots = new ArrayList<>();
        final List<Mapping> mappings = new ArrayList<>();
        final Map<Integer, Integer> usedSlots = new HashMap<>();
        final Set<String> symbols = new HashSet<>();
        int nextSlot = 1;

        ProgramBuilder(String name, Path elf, int line) {
            this.name = name;
            this.elf = elf;
            this.line = line;
        }

        void add(Long explicit, String symbol, CapSpec cap, int at, SystemParser parser) throws SystemDescriptionException {
            int index;
            if (explicit == null) {
                while (usedSlots.containsKey(nextSlot)) {
                    nextSlot++;
                }
                index = nextSlot++;
            } else {
                if (explicit < 1 || explicit > Integer.MAX_VALUE) {
                    throw parser.error("expected a slot number of at least 1 (slot 0 is seL4_CapNull), found " + explicit);
                }
                index = explicit.intValue();
            }
            Integer earlier = usedSlots.put(index, at);
            if (earlier != null) {
                throw parser.error("slot " + index + " of program " + name + " is already filled on line " + earlier);
            }
            if (symbol != null && !symbols.add(symbol)) {
                throw parser.error("program " + name + " already has a cap named '" + symbol + "'");
            }
            slots.add(new Slot(index, cap, symbol, at));
        }

        Program build(SystemParser parser) throws SystemDescriptionException {
            for (Slot slot : slots) {
                if (slot.index() >= 1 << cnodeBits) {
                    throw new SystemDescriptionException(parser.fileName, slot.line(), "slot " + slot.index()
                            + " does not fit program " + name + "'s CNode of 2^" + cnodeBits + " slots");
                }
            }
            if (faultHandler != null && !symbols.contains(faultHandler)) {
                throw new SystemDescriptionException(parser.fileName, faultHandlerLine, "expected the fault handler to"
                        + " name a cap of program " + name + ", but it has no cap named '" + faultHandler + "'");
            }
            return new Program(name, elf, priority, cnodeBits, faultHandler, List.copyOf(slots), List.copyOf(mappings),
                    line);
        }
    }
}
