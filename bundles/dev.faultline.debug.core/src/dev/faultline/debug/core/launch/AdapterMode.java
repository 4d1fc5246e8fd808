package dev.faultline.debug.core.launch;

/** Where a launched program's debug adapter runs. */
public enum AdapterMode {
    /** Inside the Eclipse JVM: starts at once, shares the workbench's memory. */
    IN_PROCESS("In the Eclipse JVM"),
    /** In a JVM of its own: a runaway guest cannot touch the workbench. */
    OWN_JVM("In a JVM of its own");

    private final String label;

    AdapterMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The mode a stored attribute names; in process when it names none. */
    public static AdapterMode named(String name) {
        for (AdapterMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        return IN_PROCESS;
    }
}
