package dev.faultline.kernel.invariant;

/** One broken invariant: which rule, the object it was seen on (its label), and what was wrong. */
public record Violation(String rule, String object, String detail) {

    @Override
    public String toString() {
        return rule + ": " + object + ": " + detail;
    }
}
