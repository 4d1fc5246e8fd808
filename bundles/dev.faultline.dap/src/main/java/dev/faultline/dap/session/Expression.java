package dev.faultline.dap.session;

import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.Die;

/**
 * An expression over the machine state of one thread, parsed once and evaluated many times (a
 * breakpoint condition runs at every hit, inside the machine). The language is C's integer
 * operators on 64-bit values: numbers (decimal, 0x hex), registers by ABI name or xN (a leading
 * $ forces a register), pc, the frame's parameters and variables and the program's global
 * variables (their values, by their DWARF types), other symbols (a function's or a label's value
 * is its address), *E (what a pointer points at, by its type; else the 64-bit word at E), C's
 * . -> [] and & (an address) on names, parentheses and casts, bit-fields by their type, casts to
 * the program's types and C's integer types ((struct point *)a0, (unsigned char)x), unary - ! ~,
 * * / % + - << >> & ^ |, comparisons (signed) and && ||, and parentheses.
 *
 * <p>Each expression also has a radix, decided from its shape and what its names name, in which
 * its value is shown (evaluate, log messages): registers, pc and symbols are addresses and bit
 * patterns, and read as hex as the Registers scope shows them; so do an address plus or minus a
 * number, and the bitwise operators (& | ^ ~ << >>) over one. Everything else is a plain integer,
 * in signed decimal: numbers, variables, memory words (*E), * / %, unary -, the difference of two
 * addresses, comparisons and logical results.
 */
public final class Expression {

    /** What an expression reads. */
    public interface Context {
        /** Register x[index] (0..31), or pc for {@link #PC}: names are resolved when parsed, not per evaluation. */
        long register(int index);

        /** A symbol's address; empty when the program has no such symbol. */
        OptionalLong symbol(String name);

        /**
         * The C object of a parameter or variable of the frame; empty when it has none of that
         * name; a SessionException when it has one whose value is not available here.
         */
        Optional<CObject> local(String name);

        /** The C object of a global variable the program defines; empty when it defines none of that name. */
        Optional<CObject> global(String name);

        /**
         * The type a cast names: "struct shape", a typedef, an integer type in gcc's spelling
         * ("long unsigned int"); empty when the program has none of that name.
         */
        Optional<Die> type(String name);

        /** The little-endian value of size bytes (1 to 8) at address; empty when not all of it is mapped. */
        OptionalLong read(long address, int size);

        /** The little-endian 64-bit word at address; empty when it is not mapped. */
        default OptionalLong word(long address) {
            return read(address, 8);
        }
    }

    /** The C object a (sub)expression names, when it names one: what ., ->, [], & and a typed * work on. */
    interface ObjectNode {
        Optional<CObject> object(Context context);
    }

    /** The index {@link Context#register} reads pc at. */
    public static final int PC = 32;

    interface Node {
        long eval(Context context);
    }

    /** How a value is shown. */
    public enum Radix {
        /** An address or bit pattern: 0x and 16 hex digits, as the Registers scope shows registers. */
        HEX {
            @Override
            public String format(long value) {
                return String.format("0x%016x", value);
            }
        },
        /** A plain integer: signed decimal. */
        DECIMAL {
            @Override
            public String format(long value) {
                return Long.toString(value);
            }
        };

        public abstract String format(long value);

        static Radix hexIf(boolean hex) {
            return hex ? HEX : DECIMAL;
        }
    }

    /** Whether a (sub)expression's value shows in hex: a name's radix depends on what it names in the context. */
    interface HexRule {
        boolean hex(Context context);
    }

    static final HexRule HEX = c -> true;
    static final HexRule DECIMAL = c -> false;

    /** A parsed (sub)expression, the rule for its radix, and the C object it names (null when it names none). */
    record Term(Node node, HexRule hex, ObjectNode objects) {
        Term(Node node, HexRule hex) {
            this(node, hex, null);
        }
    }

    private final String text;
    private final Term root;

    Expression(String text, Term root) {
        this.text = text;
        this.root = root;
    }

    /** Parses text, or throws a SessionException naming the position and what was expected. */
    public static Expression parse(String text) {
        return new Expression(text, new ExpressionParser(text).whole());
    }

    /** The value, or a SessionException when a name is unknown or memory unreadable. */
    public long evaluate(Context context) {
        return root.node().eval(context);
    }

    /** The C object the expression names (a variable, a member, an element, a pointee), if it names one. */
    public Optional<CObject> object(Context context) {
        return root.objects() == null ? Optional.empty() : root.objects().object(context);
    }

    /** The radix the value is shown in, in a context (a local is a number, a symbol an address): see the class comment. */
    public Radix radix(Context context) {
        return Radix.hexIf(root.hex().hex(context));
    }

    /** The value as text in the expression's radix. */
    public String format(Context context) {
        return radix(context).format(evaluate(context));
    }

    public String text() {
        return text;
    }

    static SessionException failure(String message) {
        return new SessionException(SessionException.EXPRESSION, message);
    }
}
