package dev.faultline.emulator.difftest;

import java.util.Map;

/**
 * What stval must hold after a trap guest's exception, as traps.properties writes it:
 * {@code insn}, {@code pc}, {@code zero}, {@code addr:0xHEX} or {@code sym:NAME[+N]}
 * (privileged ISA, "Supervisor Trap Value (stval) Register").
 */
public record TvalRule(Kind kind, long address, String symbol) {

    /** The forms a rule takes. */
    public enum Kind {
        /** the instruction bits (16 for a compressed instruction) */
        INSN,
        /** the trap's pc */
        PC,
        /** zero */
        ZERO,
        /** a fixed address */
        ADDRESS,
        /** an ELF symbol's address plus an offset (the offset is kept in address) */
        SYMBOL
    }

    /** Parses one rule; anything else is an error that lists the accepted forms. */
    public static TvalRule parse(String text) {
        String rule = text.strip();
        switch (rule) {
            case "insn":
                return new TvalRule(Kind.INSN, 0, null);
            case "pc":
                return new TvalRule(Kind.PC, 0, null);
            case "zero":
                return new TvalRule(Kind.ZERO, 0, null);
            default:
                break;
        }
        if (rule.startsWith("addr:0x")) {
            return new TvalRule(Kind.ADDRESS, Long.parseUnsignedLong(rule.substring(7), 16), null);
        }
        if (rule.startsWith("sym:") && rule.length() > 4) {
            String body = rule.substring(4);
            int plus = body.indexOf('+');
            if (plus < 0) {
                return new TvalRule(Kind.SYMBOL, 0, body);
            }
            return new TvalRule(Kind.SYMBOL, Long.decode(body.substring(plus + 1)), body.substring(0, plus));
        }
        throw new IllegalArgumentException("tval rule '" + text + "': expected insn, pc, zero, addr:0xHEX or sym:NAME[+N]");
    }

    /**
     * The stval value this rule means for a trap at {@code pc} on instruction bits
     * {@code instruction}, in an ELF whose symbols are {@code symbols}.
     */
    public long expected(long pc, long instruction, Map<String, Long> symbols) {
        return switch (kind) {
            case INSN -> instruction;
            case PC -> pc;
            case ZERO -> 0;
            case ADDRESS -> address;
            case SYMBOL -> {
                Long base = symbols.get(symbol);
                if (base == null) {
                    throw new IllegalArgumentException("tval rule names symbol " + symbol + ", which the ELF does not define");
                }
                yield base + address;
            }
        };
    }
}
