package dev.faultline.kernel.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The words of one line of a system description: names, numbers, quoted strings and punctuation. */
final class Tokens {

    private final List<String> words;
    private final List<Boolean> quoted;
    private final Function<String, SystemDescriptionException> error;
    private int next;

    private Tokens(List<String> words, List<Boolean> quoted, Function<String, SystemDescriptionException> error) {
        this.words = words;
        this.quoted = quoted;
        this.error = error;
    }

    /** Splits a line: '#' starts a comment; "{", "}" and "=" stand alone; quotes keep spaces. */
    static Tokens of(String line, Function<String, SystemDescriptionException> error) throws SystemDescriptionException {
        List<String> words = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    throw error.apply("a quoted string is missing its closing '\"'");
                }
                words.add(line.substring(i + 1, close));
                quoted.add(true);
                i = close + 1;
            } else if (c == '{' || c == '}' || c == '=') {
                words.add(String.valueOf(c));
                quoted.add(false);
                i++;
            } else {
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && "{}=#\"".indexOf(line.charAt(i)) < 0) {
                    i++;
                }
                words.add(line.substring(start, i));
                quoted.add(false);
            }
        }
        return new Tokens(words, quoted, error);
    }

    boolean isEmpty() {
        return next >= words.size();
    }

    /** The next word if it is this one, consumed; else false. */
    boolean accept(String word) {
        if (!isEmpty() && !quoted.get(next) && words.get(next).equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    String word(String expected) throws SystemDescriptionException {
        if (isEmpty()) {
            throw error.apply("expected " + expected + ", found the end of the line");
        }
        if (quoted.get(next)) {
            throw error.apply("expected " + expected + ", found the string \"" + words.get(next) + "\"");
        }
        return words.get(next++);
    }

    /** A name: letters, digits and '_', not starting with a digit. */
    String name(String expected) throws SystemDescriptionException {
        String word = word(expected);
        if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error.apply("expected " + expected + " (letters, digits and '_'), found '" + word + "'");
        }
        return word;
    }

    String string(String expected) throws SystemDescriptionException {
        if (isEmpty() || !quoted.get(next)) {
            throw error.apply("expected " + expected + ", found " + (isEmpty() ? "the end of the line" : "'" + words.get(next) + "'"));
        }
        return words.get(next++);
    }

    /** A number in decimal or 0x hexadecimal, with '_' allowed between digits. */
    long number(String expected) throws SystemDescriptionException {
        String word = word(expected);
        String digits = word.replace("_", "");
        try {
            return digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error.apply("expected " + expected + " (a number, decimal or 0x...), found '" + word + "'");
        }
    }

    void expect(String word) throws SystemDescriptionException {
        String found = isEmpty() ? null : words.get(next);
        if (!accept(word)) {
            throw error.apply("expected '" + word + "', found " + (found == null ? "the end of the line" : "'" + found + "'"));
        }
    }

    /** Nothing may follow. */
    void end() throws SystemDescriptionException {
        if (!isEmpty()) {
            throw error.apply("expected the end of the line, found '" + words.get(next) + "'");
        }
    }
}
