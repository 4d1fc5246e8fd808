package dev.faultline.emulator.difftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One trap guest of src/test/guest/isa/traps, as traps.properties describes it
 * ({@code name = cause, tval-rule [, qemu-no-trap]}): the program traps at the ELF symbol
 * {@code trap_here} with this scause code and an stval that the rule gives.
 */
public record TrapGuest(String name, int cause, TvalRule tval, boolean qemuRaisesNoTrap) {

    /** The file listing the trap guests. */
    public static final String MANIFEST = "traps.properties";
    /** The label of the trapping instruction (for a fetch fault: of the jump's target). */
    public static final String TRAP_SYMBOL = "trap_here";
    /** The label of the jump whose target faults on fetch (cause 12). */
    public static final String JUMP_SYMBOL = "trap_jump";
    /** The status a trap guest exits with when its instruction did not trap. */
    public static final int NOT_TRAPPED_STATUS = 99;

    private static final String QEMU_NO_TRAP = "qemu-no-trap";

    /** Every guest of traps.properties, in file order. */
    public static List<TrapGuest> all() {
        List<TrapGuest> guests = new ArrayList<>();
        for (ManifestLine line : ManifestLine.read(IsaGuest.isaDir().resolve(MANIFEST))) {
            String[] fields = line.value().split(",");
            if (fields.length < 2 || fields.length > 3
                    || (fields.length == 3 && !fields[2].strip().equals(QEMU_NO_TRAP))) {
                throw new IllegalArgumentException(line.where() + ": expected 'name = cause, tval-rule [, "
                        + QEMU_NO_TRAP + "]', found '" + line.value() + "'");
            }
            try {
                guests.add(new TrapGuest(line.key(), Integer.parseInt(fields[0].strip()), TvalRule.parse(fields[1]),
                        fields.length == 3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(line.where() + ": " + e.getMessage(), e);
            }
        }
        return guests;
    }

    /** The guest's source, traps/NAME.S. */
    public Path source() {
        return IsaGuest.isaDir().resolve("traps").resolve(name + ".S");
    }

    /** True for an instruction-fetch fault: the trap's pc is a jump target, not an executed instruction. */
    public boolean faultsOnFetch() {
        return cause == 12 || cause == 1;
    }

    /** Builds the guest with the bare runtime into target/guests/trap-NAME.elf. */
    public Path build() {
        return GuestBuild.compile("trap-" + name, source(), List.of());
    }
}
