package dev.faultline.kernel.invariant;

import java.util.List;

/** Thrown when the kernel's state breaks invariants: the message lists every violation. */
public final class InvariantViolation extends RuntimeException {

    private final transient List<Violation> violations;

    public InvariantViolation(String when, List<Violation> violations) {
        super(when + ", " + violations.size() + " invariant(s) broken:\n  "
                + String.join("\n  ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
