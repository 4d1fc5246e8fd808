package dev.faultline.kernel.invariant;

import java.util.ArrayList;
import java.util.List;

/** The violations one check finds, in the order found. */
final class Findings {

    private final List<Violation> violations = new ArrayList<>();

    void add(String rule, Object object, String detail) {
        violations.add(new Violation(rule, String.valueOf(object), detail));
    }

    /** Adds a violation when holds is false. */
    void require(boolean holds, String rule, Object object, String detail) {
        if (!holds) {
            add(rule, object, detail);
        }
    }

    List<Violation> list() {
        return List.copyOf(violations);
    }
}
