package dev.faultline.dap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.dwarf.Die;

/** Expressions, hit conditions and log messages over a made-up thread state. */
class ExpressionTest {

    private static final Expression.Context STATE = new Expression.Context() {
        /** a0 (x10) = 5, sp (x2) = 0x1000, pc = 0x10074; every other register 0. */
        private final Map<Integer, Long> registers = Map.of(10, 5L, 2, 0x1000L, Expression.PC, 0x10074L);

        @Override
        public long register(int index) {
            return registers.getOrDefault(index, 0L);
        }

        /** Locals: i = 3 (also a symbol's name: the local shadows it), shape a struct optimized out. */
        @Override
        public Optional<CObject> local(String name) {
            if (name.equals("shape")) {
                throw new SessionException(SessionException.EXPRESSION, "'shape' is <optimized out> here");
            }
            return name.equals("i") ? Optional.of(CObject.held("i", Optional.empty(), 3)) : Optional.empty();
        }

        @Override
        public Optional<CObject> global(String name) {
            return Optional.empty();
        }

        @Override
        public OptionalLong symbol(String name) {
            return name.equals("counter") ? OptionalLong.of(0x2000) : name.equals("i") ? OptionalLong.of(0x3000)
                    : OptionalLong.empty();
        }

        @Override
        public OptionalLong read(long address, int size) {
            return address == 0x2000 && size == 8 ? OptionalLong.of(7) : OptionalLong.empty();
        }

        /** No DWARF: C's integer types, made as a program without them gets them; no other type. */
        @Override
        public Optional<Die> type(String name) {
            return CTypes.madeInteger(name);
        }
    };

    private static long eval(String text) {
        return Expression.parse(text).evaluate(STATE);
    }

    @Test
    void operatorsFollowCsPrecedence() {
        assertEquals(11, eval("1 + 2 * 5"));
        assertEquals(15, eval("(1 + 2) * a0"));
        assertEquals(1, eval("a0 == 5 && sp > 0xfff || 0"));
        assertEquals(0, eval("!a0"));
        assertEquals(0x100, eval("1 << 8"));
        assertEquals(4, eval("4 | 1 & 2"), "& binds tighter than |");
        assertEquals(1, eval("1 == 1 & 1"), "== binds tighter than &");
        assertEquals(-5, eval("-a0"));
        assertEquals(1, eval("a0 <= 5"));
        assertEquals(2, eval("a0 % 3"));
    }

    @Test
    void namesAreRegistersThenSymbolsAndStarReadsAWord() {
        assertEquals(0x2000, eval("counter"));
        assertEquals(7, eval("*counter"));
        assertEquals(8, eval("*counter + 1"));
        assertEquals(5, eval("$a0"));
        assertEquals(0x10074, eval("pc"));
        assertEquals(5, eval("x10"), "a register by number");
        assertEquals(0x1000, eval("fp + sp - s0"), "fp is s0 (x8)");
    }

    @Test
    void aVariableOfTheFrameIsItsValueInDecimalAndShadowsASymbol() {
        assertEquals(4, eval("i + 1"));
        assertEquals("3", shown("i"), "a local is a number, not an address");
        assertEquals("12", shown("i * 4"));
        assertEquals(1, eval("i == 3 && *counter == 7"), "a condition over a local and a global's word");
        SessionException struct = assertThrows(SessionException.class, () -> eval("shape + 1"));
        assertTrue(struct.getMessage().contains("optimized out"), struct.getMessage());
        SessionException address = assertThrows(SessionException.class, () -> Expression.parse("&5"));
        assertTrue(address.getMessage().contains("& takes a variable"), address.getMessage());
        SessionException held = assertThrows(SessionException.class, () -> eval("&i"));
        assertTrue(held.getMessage().contains("held in registers"), held.getMessage());
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        SessionException unknown = assertThrows(SessionException.class, () -> eval("nothing + 1"));
        assertTrue(unknown.getMessage().contains("'nothing'"), unknown.getMessage());
        SessionException syntax = assertThrows(SessionException.class, () -> Expression.parse("a0 +"));
        assertTrue(syntax.getMessage().contains("column 5"), syntax.getMessage());
        SessionException unmapped = assertThrows(SessionException.class, () -> eval("*sp"));
        assertTrue(unmapped.getMessage().contains("0x1000"), unmapped.getMessage());
        assertThrows(SessionException.class, () -> eval("a0 / 0"));
        assertThrows(SessionException.class, () -> Expression.parse("a0 )"));
        SessionException register = assertThrows(SessionException.class, () -> Expression.parse("1 + $counter"),
                "a $ name must be a register, and that is known when the expression is parsed");
        assertTrue(register.getMessage().contains("column 6") && register.getMessage().contains("'counter'"),
                register.getMessage());
    }

    @Test
    void hitConditionsCountAsDapClientsWriteThem() {
        assertTrue(HitCondition.parse("3").allows(3));
        assertFalse(HitCondition.parse("3").allows(4));
        assertTrue(HitCondition.parse(">= 2").allows(5));
        assertTrue(HitCondition.parse("% 2").allows(4));
        assertFalse(HitCondition.parse("%2").allows(3));
        assertThrows(SessionException.class, () -> HitCondition.parse("often"));
    }

    private static String shown(String text) {
        return Expression.parse(text).format(STATE);
    }

    @Test
    void registersSymbolsAndAddressArithmeticReadAsHex() {
        assertEquals("0x0000000000010074", shown("pc"));
        assertEquals("0x0000000000000005", shown("$a0"), "a register, even holding a small number");
        assertEquals("0x0000000000002000", shown("counter"), "a symbol is an address");
        assertEquals("0x0000000000000ff0", shown("sp - 16"));
        assertEquals("0x0000000000002008", shown("8 + counter"));
        assertEquals("0x0000000000010000", shown("pc & ~0xffff"));
        assertEquals("0xfffffffffffffffa", shown("~a0"));
        assertEquals("0x0000000000000100", shown("(sp) >> 4"));
    }

    @Test
    void numbersMemoryWordsAndArithmeticReadAsSignedDecimal() {
        assertEquals("16", shown("0x10"), "a number is a plain integer, however it was written");
        assertEquals("7", shown("*counter"));
        assertEquals("8", shown("*counter + 1"));
        assertEquals("-5", shown("-a0"));
        assertEquals("10", shown("a0 * 2"));
        assertEquals("4096", shown("counter - sp"), "the distance between two addresses");
        assertEquals("1", shown("a0 == 5"));
        assertEquals("0", shown("!pc"));
        assertEquals("-1", shown("0 - 1"));
        assertEquals(Expression.Radix.DECIMAL, Expression.parse("1 < sp").radix(STATE));
    }

    @Test
    void logMessagesInterpolateExpressionsAndKeepDoubledBraces() {
        assertEquals("pc=0x0000000000010074 {x} counter=7",
                LogMessage.parse("pc={pc} {{x}} counter={*counter}").format(STATE));
        assertTrue(LogMessage.parse("{nothing}").format(STATE).startsWith("<"));
        assertThrows(SessionException.class, () -> LogMessage.parse("open {a0"));
    }

    @Test
    void castsConvertToCsIntegerTypesInAnySpelling() {
        assertEquals(65, eval("(char)0x141"));
        assertEquals(255, eval("(unsigned char)-1"));
        assertEquals(-1, eval("(signed char)0xff"));
        assertEquals(0x2345, eval("(short)0x12345"));
        assertEquals(4294967295L, eval("(unsigned)-1"));
        assertEquals(4294967295L, eval("(int unsigned)-1"), "the words in any order");
        assertEquals(-2147483648L, eval("(int)0x80000000"));
        assertEquals(-1, eval("(long long)-1"));
        assertEquals(1, eval("(_Bool)1 + (const unsigned long)0"), "qualifiers change nothing");
        assertEquals(7, eval("*(long *)counter"), "a cast pointer reads by its type");
        assertEquals(7, eval("((unsigned long *)counter)[0]"));
        assertEquals(7, eval("*(volatile long * const)counter"));
        assertEquals("0x0000000000001000", shown("(void *)sp"), "a pointer shows as an address");
        assertEquals("0x0000000000001000", shown("(long **)sp"));
        assertEquals("4096", shown("(long)sp"), "an integer as a number");
    }

    @Test
    void aNameInParenthesesIsATypeOnlyWhenAnOperandFollowsItOrAStarEndsIt() {
        assertEquals(2, eval("(i) - 1"), "(x) - 1 subtracts");
        assertEquals(2, eval("(i)-1"));
        assertEquals(10, eval("(a0 * 2)"), "a product, not a cast to a0 *");
        assertEquals(15, eval("(a0) * (1 + 2)"));
        SessionException unknown = assertThrows(SessionException.class, () -> eval("(seL4_Word)a0"));
        assertTrue(unknown.getMessage().contains("no type named 'seL4_Word'"), unknown.getMessage());
        SessionException pointer = assertThrows(SessionException.class, () -> eval("(thing *)a0"));
        assertTrue(pointer.getMessage().contains("'thing'"), pointer.getMessage());
    }

    @Test
    void castMistakesAreNamedWithTheirPlace() {
        SessionException tag = assertThrows(SessionException.class, () -> Expression.parse("(struct)a0"));
        assertTrue(tag.getMessage().contains("column 8") && tag.getMessage().contains("name of the struct"), tag.getMessage());
        SessionException unclosed = assertThrows(SessionException.class, () -> Expression.parse("(unsigned char a0"));
        assertTrue(unclosed.getMessage().contains("expected ')' to end the cast to 'unsigned char'"), unclosed.getMessage());
        SessionException mixed = assertThrows(SessionException.class, () -> Expression.parse("(signed unsigned)a0"));
        assertTrue(mixed.getMessage().contains("'signed unsigned' is not a C type"), mixed.getMessage());
        assertThrows(SessionException.class, () -> Expression.parse("(long char)a0"));
        assertThrows(SessionException.class, () -> Expression.parse("(void)a0"));
        SessionException number = assertThrows(SessionException.class, () -> Expression.parse("(1 + 2).x"));
        assertTrue(number.getMessage().contains("'(1 + 2)' is a number"), number.getMessage());
        SessionException none = assertThrows(SessionException.class, () -> eval("(counter).x"));
        assertTrue(none.getMessage().contains("'(counter)' names no C object"), none.getMessage());
        SessionException aggregate = assertThrows(SessionException.class, () -> eval("*(void *)sp"));
        assertTrue(aggregate.getMessage().contains("void pointer"), aggregate.getMessage());
    }
}
