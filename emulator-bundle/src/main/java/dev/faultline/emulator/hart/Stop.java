package dev.faultline.emulator.hart;

/**
 * Ends an instruction part-way (a trap, or a watchpoint that stops before the access) without
 * changing any state. Thrown only on slow paths and caught by the run loop; preallocated and
 * without a stack trace, so taking a trap allocates nothing here.
 */
final class Stop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final Stop TRAP = new Stop("trap");
    static final Stop WATCHPOINT = new Stop("watchpoint");

    private Stop(String what) {
        super(what, null, false, false);
    }
}
