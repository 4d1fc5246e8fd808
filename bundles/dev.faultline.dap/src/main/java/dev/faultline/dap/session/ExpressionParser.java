package dev.faultline.dap.session;

import static dev.faultline.dap.session.Expression.DECIMAL;
import static dev.faultline.dap.session.Expression.HEX;
import static dev.faultline.dap.session.Expression.PC;
import static dev.faultline.dap.session.Expression.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.faultline.dap.session.Expression.Context;
import dev.faultline.dap.session.Expression.HexRule;
import dev.faultline.dap.session.Expression.Node;
import dev.faultline.dap.session.Expression.ObjectNode;
import dev.faultline.dap.session.Expression.Term;
import dev.faultline.emulator.hart.Registers;

/**
 * The parser of {@link Expression}s: recursive descent, one method per precedence level, loosest
 * first, as C ranks its operators; names become nodes that read registers, variables or symbols.
 */
final class ExpressionParser {

    private final String text;
    private int at;

    ExpressionParser(String text) {
        this.text = text;
    }

    /** The whole text as one expression; anything left over is an error naming its column. */
    Term whole() {
        Term root = or();
        skipSpace();
        if (at < text.length()) {
            throw error("unexpected '" + text.charAt(at) + "'");
        }
        return root;
    }

    SessionException error(String problem) {
        return failure("in '" + text + "' at column " + (at + 1) + ": " + problem);
    }

    void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    boolean take(String token) {
        skipSpace();
        if (text.startsWith(token, at)) {
            // "&" must not take the first half of "&&", nor "<" of "<<" or "<=".
            String rest = text.substring(at + token.length());
            if (token.length() == 1 && !rest.isEmpty() && "&|<>=".indexOf(token.charAt(0)) >= 0
                    && (rest.charAt(0) == token.charAt(0) || rest.charAt(0) == '=') && !token.equals("=")) {
                return false;
            }
            at += token.length();
            return true;
        }
        return false;
    }

    /** The binary operators by precedence, loosest first, as C ranks them. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}};

    Term or() {
        return binary(0);
    }

    /** A left-associative chain of the operators of one level, over operands of the next. */
    private Term binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Term left = binary(level + 1);
        while (true) {
            String operator = null;
            for (String candidate : LEVELS[level]) {
                if (take(candidate)) {
                    operator = candidate;
                    break;
                }
            }
            if (operator == null) {
                return left;
            }
            Term right = binary(level + 1);
            left = new Term(apply(operator, left.node(), right.node()), radix(operator, left.hex(), right.hex()));
        }
    }

    /** The radix of a binary operation: see the class comment. */
    private static HexRule radix(String operator, HexRule l, HexRule r) {
        return switch (operator) {
            case "+", "|", "^", "&", "<<", ">>" -> c -> l.hex(c) || r.hex(c);
            case "-" -> c -> l.hex(c) && !r.hex(c);
            default -> DECIMAL;
        };
    }

    private static Node apply(String operator, Node l, Node r) {
        return switch (operator) {
            case "||" -> c -> l.eval(c) != 0 || r.eval(c) != 0 ? 1 : 0;
            case "&&" -> c -> l.eval(c) != 0 && r.eval(c) != 0 ? 1 : 0;
            case "|" -> c -> l.eval(c) | r.eval(c);
            case "^" -> c -> l.eval(c) ^ r.eval(c);
            case "&" -> c -> l.eval(c) & r.eval(c);
            case "==" -> c -> l.eval(c) == r.eval(c) ? 1 : 0;
            case "!=" -> c -> l.eval(c) != r.eval(c) ? 1 : 0;
            case "<=" -> c -> l.eval(c) <= r.eval(c) ? 1 : 0;
            case ">=" -> c -> l.eval(c) >= r.eval(c) ? 1 : 0;
            case "<" -> c -> l.eval(c) < r.eval(c) ? 1 : 0;
            case ">" -> c -> l.eval(c) > r.eval(c) ? 1 : 0;
            case "<<" -> c -> l.eval(c) << r.eval(c);
            case ">>" -> c -> l.eval(c) >>> r.eval(c);
            case "+" -> c -> l.eval(c) + r.eval(c);
            case "-" -> c -> l.eval(c) - r.eval(c);
            case "*" -> c -> l.eval(c) * r.eval(c);
            case "/" -> c -> divide(l.eval(c), r.eval(c), false);
            default -> c -> divide(l.eval(c), r.eval(c), true);
        };
    }

    Term unary() {
        if (take("-")) {
            Node operand = unary().node();
            return decimal(c -> -operand.eval(c));
        }
        if (take("!")) {
            Node operand = unary().node();
            return decimal(c -> operand.eval(c) == 0 ? 1 : 0);
        }
        if (take("~")) {
            Term operand = unary();
            return new Term(c -> ~operand.node().eval(c), operand.hex());
        }
        if (take("*")) {
            // A pointer (or array) is read by its type; any other value is an address whose
            // 64-bit word is read (*sp, *0x1000, a symbol without DWARF).
            Term operand = unary();
            ObjectNode pointee = operand.objects() == null ? c -> Optional.empty()
                    : c -> operand.objects().object(c).filter(CObject::isAddress).map(o -> o.pointee(c::read));
            return new Term(c -> {
                Optional<CObject> typed = pointee.object(c);
                if (typed.isPresent()) {
                    return typed.get().number(c::read);
                }
                long a = operand.node().eval(c);
                return c.word(a).orElseThrow(() -> failure("memory at 0x" + Long.toHexString(a) + " is not mapped"));
            }, c -> isAddress(pointee, c), pointee);
        }
        if (take("&")) {
            int start = at;
            Term operand = unary();
            if (operand.objects() == null) {
                at = start;
                throw error("& takes a variable, a member or an element");
            }
            return new Term(c -> operand.objects().object(c)
                    .orElseThrow(() -> failure("& takes a variable, and '" + text.substring(start).trim()
                            + "' names none here")).addressOf(), HEX);
        }
        return primary();
    }

    private static Term decimal(Node node) {
        return new Term(node, DECIMAL);
    }

    Term primary() {
        skipSpace();
        int open = at;
        if (take("(")) {
            Optional<Term> cast = cast(open);
            if (cast.isPresent()) {
                return cast.get();
            }
            Term inner = or();
            if (!take(")")) {
                throw error("expected ')'");
            }
            return postfix(inner, text.substring(open, at), "'" + text.substring(open, at) + "' names no C object here");
        }
        if (at >= text.length()) {
            throw error("expected a number, a register or a symbol");
        }
        char first = text.charAt(at);
        if (Character.isDigit(first)) {
            return number();
        }
        boolean register = take("$");
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_$".indexOf(text.charAt(at)) >= 0
                || text.charAt(at) == '.' && (at == start || at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))))) {
            at++;
        }
        if (start == at) {
            throw error("expected a number, a register or a symbol");
        }
        String name = text.substring(start, at);
        if (register && registerIndex(name) < 0) {
            at = start;
            throw error("no register named '" + name + "'");
        }
        return register ? name(name)
                : postfix(name(name), name, "no variable named '" + name + "' here (members, elements and & need a variable)");
    }

    /**
     * A cast, when the parenthesis at open starts one (C11 6.5.4): (struct shape *)a0, (unsigned
     * char)x, (seL4_Word)p. Types are the program's, known only when the expression is evaluated,
     * so a lone name in parentheses is a type when a * ends it or an operand follows it (a name, a
     * number, '(', '~', '!'): (T)x is a cast, (x) - 1 is not.
     */
    private Optional<Term> cast(int open) {
        int start = at;
        qualifiers();
        String word = word();
        if (word == null) {
            at = start;
            return Optional.empty();
        }
        String spelled;
        boolean certain = true;
        if (word.equals("struct") || word.equals("union") || word.equals("enum")) {
            String tag = word();
            if (tag == null) {
                throw error("expected the name of the " + word + " to cast to");
            }
            spelled = word + " " + tag;
        } else if (CTypes.INTEGER_WORDS.contains(word)) {
            List<String> words = new ArrayList<>(List.of(word));
            int before = at;
            qualifiers();
            for (String next = word(); next != null && CTypes.INTEGER_WORDS.contains(next); next = word()) {
                words.add(next);
                before = at;
                qualifiers();
            }
            at = before;
            try {
                spelled = CTypes.integerName(words);
            } catch (SessionException e) {
                at = start;
                throw error("'" + String.join(" ", words) + "' is not a C type");
            }
        } else {
            spelled = word;
            certain = false;
        }
        qualifiers();
        int pointers = 0;
        while (take("*")) {
            pointers++;
            qualifiers();
        }
        if (!take(")")) {
            if (certain) {
                throw error("expected ')' to end the cast to '" + spelled + (pointers > 0 ? " " + "*".repeat(pointers) : "") + "'");
            }
            at = start;
            return Optional.empty();
        }
        if (!certain && pointers == 0 && !operandFollows()) {
            at = start;
            return Optional.empty();
        }
        if (spelled.equals("void") && pointers == 0) {
            throw error("a cast to void leaves no value to show");
        }
        Node operand = unary().node();
        String cast = text.substring(open, at).trim();
        int levels = pointers;
        ObjectNode object = c -> Optional.of(CObject.held(cast, Optional.of(CTypes.castType(c, spelled, levels)), operand.eval(c)));
        return Optional.of(new Term(c -> object.object(c).get().number(c::read), c -> isAddress(object, c), object));
    }

    /** Whether what follows a ')' can only start an operand: then the parentheses held a type. */
    private boolean operandFollows() {
        skipSpace();
        if (at >= text.length()) {
            return false;
        }
        char next = text.charAt(at);
        return Character.isLetterOrDigit(next) || "_$(~".indexOf(next) >= 0
                || next == '!' && !text.startsWith("!=", at);
    }

    /** An identifier, consumed; null (nothing consumed) when none starts here. */
    private String word() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')
                && (at > start || !Character.isDigit(text.charAt(at)))) {
            at++;
        }
        return at == start ? null : text.substring(start, at);
    }

    /** Skips const and volatile, which change nothing an expression reads. */
    private void qualifiers() {
        while (true) {
            int start = at;
            String word = word();
            if (!"const".equals(word) && !"volatile".equals(word)) {
                at = start;
                return;
            }
        }
    }

    /**
     * C's postfix operators on a primary expression (.m, ->m, [i]): on a variable of the frame or a
     * global, or on a parenthesised expression or cast that names a C object ((*p).x). missing is
     * the error when, evaluated, the primary names none.
     */
    private Term postfix(Term primary, String subject, String missing) {
        ObjectNode object = primary.objects();
        boolean chained = false;
        while (true) {
            ObjectNode base = object;
            int operator = at;
            boolean postfix = take("->") || take(".") || take("[");
            if (postfix && base == null) {
                at = operator;
                throw error("'" + subject.trim() + "' is a number: members and elements need a variable, a pointer or a cast");
            }
            if (!postfix) {
                break;
            }
            String taken = text.substring(operator, at).trim();
            if (taken.equals("->")) {
                String member = memberName();
                object = c -> base.object(c).map(o -> o.pointee(c::read).member(member));
            } else if (taken.equals(".")) {
                String member = memberName();
                object = c -> base.object(c).map(o -> o.member(member));
            } else {
                Node index = or().node();
                if (!take("]")) {
                    throw error("expected ']'");
                }
                object = c -> base.object(c).map(o -> o.element(index.eval(c), c::read));
            }
            chained = true;
        }
        if (!chained) {
            return primary;
        }
        ObjectNode found = object;
        ObjectNode required = c -> Optional.of(found.object(c).orElseThrow(() -> failure(missing)));
        return new Term(c -> required.object(c).get().number(c::read), c -> isAddress(required, c), required);
    }

    private String memberName() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw error("expected a member's name");
        }
        return text.substring(start, at);
    }

    /** Whether what an object node names shows in hex: a pointer or an array; false when it names nothing readable. */
    private static boolean isAddress(ObjectNode node, Context c) {
        try {
            return node.object(c).map(CObject::isAddress).orElse(false);
        } catch (SessionException e) {
            return false;
        }
    }

    Term number() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String digits = text.substring(start, at).replace("_", "");
        try {
            long value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
            return decimal(c -> value);
        } catch (NumberFormatException e) {
            at = start;
            throw error("'" + digits + "' is not a number");
        }
    }

    /**
     * A register when one has the name, else a variable of the frame, else a global variable
     * the program defines (C's scoping: a local shadows a global), else a symbol (a function,
     * a label, data without DWARF). A register or a symbol is an address or bit pattern,
     * shown in hex; a variable a number, in hex only when it is a pointer or an array.
     */
    private static Term name(String name) {
        int index = registerIndex(name);
        if (index >= 0) {
            return new Term(c -> c.register(index), HEX);
        }
        ObjectNode variable = c -> c.local(name).or(() -> c.global(name));
        return new Term(c -> {
            Optional<CObject> named = variable.object(c);
            if (named.isPresent()) {
                return named.get().number(c::read);
            }
            return c.symbol(name).orElseThrow(() -> failure("no register, variable or symbol named '" + name + "'"));
        }, c -> {
            try {
                return variable.object(c).map(CObject::isAddress).orElse(true);
            } catch (SessionException e) {
                return true;
            }
        }, variable);
    }

    private static int registerIndex(String name) {
        return name.equals("pc") ? PC : Registers.indexOf(name);
    }

    private static long divide(long dividend, long divisor, boolean remainder) {
        if (divisor == 0) {
            throw failure("division by zero");
        }
        return remainder ? dividend % divisor : dividend / divisor;
    }
}
