package dev.faultline.dap.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.emulator.dwarf.CompilationUnit;
import dev.faultline.emulator.dwarf.DebugInfo;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;

/**
 * The C types a cast names (C11 6.7.7): a program's struct, union and enum tags and typedefs, and
 * C's integer types. gcc names base types in one spelling ("long unsigned int" for unsigned long);
 * a cast's words are put in that spelling. An integer type the program never uses is made with
 * its riscv64 LP64 size (char 1, short 2, int 4, long and long long 8; char unsigned, as the psABI says).
 */
final class CTypes {

    /** The words C spells its integer types with (C11 6.7.2); a cast that starts with one names a type. */
    static final List<String> INTEGER_WORDS = List.of("void", "char", "short", "int", "long", "signed", "unsigned", "_Bool");

    // Base type encodings (DWARF 5 section 7.8).
    private static final int BOOLEAN = 0x02;
    private static final int SIGNED = 0x05;
    private static final int SIGNED_CHAR = 0x06;
    private static final int UNSIGNED = 0x07;
    private static final int UNSIGNED_CHAR = 0x08;

    private CTypes() {
    }

    /**
     * The types at the top level of a program's compilation units, by the name a cast gives them:
     * "struct shape", "seL4_Word", "long unsigned int". A definition wins over a declaration
     * (struct shape;), else the first unit's.
     */
    static Map<String, Die> index(DebugInfo info) {
        Map<String, Die> index = new HashMap<>();
        for (CompilationUnit unit : info.units()) {
            try {
                for (Die child : unit.root().children()) {
                    Optional<String> name = child.name();
                    String key = name.isEmpty() ? null : switch (child.tag()) {
                        case DwarfTag.STRUCTURE_TYPE -> "struct " + name.get();
                        case DwarfTag.UNION_TYPE -> "union " + name.get();
                        case DwarfTag.ENUMERATION_TYPE -> "enum " + name.get();
                        case DwarfTag.TYPEDEF, DwarfTag.BASE_TYPE -> name.get();
                        default -> null;
                    };
                    Die known = key == null ? null : index.get(key);
                    if (key != null && (known == null || known.flag(DwarfAttribute.DECLARATION)
                            && !child.flag(DwarfAttribute.DECLARATION))) {
                        index.put(key, child);
                    }
                }
            } catch (DwarfFormatException e) {
                // A unit whose entries cannot be read names no type a cast can use.
            }
        }
        return Map.copyOf(index);
    }

    /**
     * An integer type's words as gcc names the type ("unsigned long" and "long unsigned" are both
     * "long unsigned int"; "void" stays "void"); a SessionException for words that name none.
     */
    static String integerName(List<String> words) {
        long longs = words.stream().filter("long"::equals).count();
        boolean unsigned = words.contains("unsigned");
        boolean signed = words.contains("signed");
        boolean isShort = words.contains("short");
        boolean isChar = words.contains("char");
        boolean isVoid = words.contains("void");
        boolean isBool = words.contains("_Bool");
        boolean isInt = words.contains("int");
        int kinds = (isShort ? 1 : 0) + (longs > 0 ? 1 : 0) + (isChar ? 1 : 0) + (isVoid ? 1 : 0) + (isBool ? 1 : 0);
        boolean repeated = words.stream().filter(w -> !w.equals("long")).distinct().count()
                < words.stream().filter(w -> !w.equals("long")).count();
        if (kinds > 1 || longs > 2 || unsigned && signed || repeated || (isChar || isVoid || isBool) && isInt
                || (isVoid || isBool) && (unsigned || signed)) {
            throw new SessionException(SessionException.EXPRESSION, "'" + String.join(" ", words) + "' is not a C type");
        }
        if (isVoid) {
            return "void";
        }
        if (isBool) {
            return "_Bool";
        }
        if (isChar) {
            return unsigned ? "unsigned char" : signed ? "signed char" : "char";
        }
        String size = isShort ? "short " : longs == 2 ? "long long " : longs == 1 ? "long " : "";
        return size + (unsigned ? "unsigned " : "") + "int";
    }

    /**
     * An integer type, in gcc's name, that the program does not describe: made with its LP64 size
     * and sign; empty when the name is not an integer type's.
     */
    static Optional<Die> madeInteger(String name) {
        if (name.equals("void") || !INTEGER_WORDS.contains(name.substring(name.lastIndexOf(' ') + 1))) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "signed char" -> Die.baseType(name, SIGNED_CHAR, 1);
            case "char", "unsigned char" -> Die.baseType(name, UNSIGNED_CHAR, 1); // the RISC-V psABI's char is unsigned
            case "_Bool" -> Die.baseType(name, BOOLEAN, 1);
            default -> Die.baseType(name, name.contains("unsigned") ? UNSIGNED : SIGNED,
                    name.startsWith("short") ? 2 : name.startsWith("long") ? 8 : 4);
        });
    }

    /**
     * The type of a cast: the named type (void for "void") behind pointers levels of pointer.
     * Casts make scalars, as C's do: a struct is read through a pointer, *(struct shape *)a0.
     */
    static Die castType(Expression.Context context, String name, int pointers) {
        Optional<Die> named = name.equals("void") ? Optional.empty() : Optional.of(context.type(name)
                .orElseThrow(() -> failure("the program has no type named '" + name + "'")));
        if (pointers == 0) {
            try {
                Die bare = TypedValues.strip(named).orElseThrow(() -> failure("a cast to void leaves no value"));
                if (TypedValues.isAggregate(bare)) {
                    throw failure("a cast makes a scalar, not a " + TypedValues.typeName(named)
                            + ": read one through a pointer, *(" + name + " *)address");
                }
                if (bare.tag() == DwarfTag.BASE_TYPE && bare.constant(DwarfAttribute.ENCODING).orElse(0) == TypedValues.FLOAT) {
                    throw failure("expressions compute with integers: they do not convert to " + name);
                }
            } catch (DwarfFormatException e) {
                throw failure("the type '" + name + "' is unreadable: " + e.getMessage());
            }
            return named.get();
        }
        Die type = Die.pointerTo(named);
        for (int level = 1; level < pointers; level++) {
            type = Die.pointerTo(Optional.of(type));
        }
        return type;
    }

    private static SessionException failure(String message) {
        return new SessionException(SessionException.EXPRESSION, message);
    }
}
