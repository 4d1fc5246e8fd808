package dev.faultline.kernel.system;

import java.util.HashMap;
import java.util.Map;

import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.system.SystemDescription.CapSpec;
import dev.faultline.kernel.system.SystemDescription.Mapping;
import dev.faultline.kernel.system.SystemDescription.ObjectDeclaration;
import dev.faultline.kernel.system.SystemDescription.ObjectKind;
import dev.faultline.kernel.system.SystemDescription.Program;
import dev.faultline.kernel.system.SystemDescription.Slot;

/** Checks what a description's names refer to, once the whole file is read: each mistake with its line. */
final class References {

    private References() {
    }

    static void check(SystemDescription description, String file) throws SystemDescriptionException {
        Map<String, ObjectDeclaration> objects = new HashMap<>();
        description.objects().forEach(o -> objects.put(o.name(), o));
        Map<String, Program> programs = new HashMap<>();
        description.programs().forEach(p -> programs.put(p.name(), p));
        for (Program program : description.programs()) {
            for (Slot slot : program.slots()) {
                checkCap(slot.cap(), slot.line(), objects, programs, file);
            }
            for (Mapping mapping : program.mappings()) {
                checkMapping(mapping, objects, file);
            }
        }
    }

    private static void checkCap(CapSpec cap, int line, Map<String, ObjectDeclaration> objects, Map<String, Program> programs,
            String file) throws SystemDescriptionException {
        switch (cap.kind()) {
            case OBJECT -> {
                ObjectDeclaration object = objects.get(cap.target());
                if (object == null) {
                    throw new SystemDescriptionException(file, line, "expected the name of a declared object,"
                            + " found '" + cap.target() + "'" + (programs.containsKey(cap.target())
                            ? " (a program: use tcb, cnode or vspace " + cap.target() + ")" : ""));
                }
                if (cap.badge() != 0 && object.kind() != ObjectKind.ENDPOINT && object.kind() != ObjectKind.NOTIFICATION) {
                    throw new SystemDescriptionException(file, line, "only endpoint and notification caps carry a badge;"
                            + " '" + cap.target() + "' is a " + object.kind().name().toLowerCase());
                }
                String rights = cap.rights();
                boolean frameRights = rights == null || rights.matches("[RW]+|-");
                if (object.kind() == ObjectKind.FRAME && !frameRights) {
                    throw new SystemDescriptionException(file, line, "a frame cap takes rights R and W only, found " + rights);
                }
                if (object.kind() == ObjectKind.NOTIFICATION && rights != null && !rights.matches("[RW]+|-")) {
                    throw new SystemDescriptionException(file, line, "a notification cap takes rights R and W only, found "
                            + rights);
                }
                if (object.kind() == ObjectKind.UNTYPED && rights != null) {
                    throw new SystemDescriptionException(file, line, "an untyped cap takes no rights");
                }
            }
            case TCB, CNODE, VSPACE -> {
                if (!cap.target().equals("self") && !programs.containsKey(cap.target())) {
                    throw new SystemDescriptionException(file, line, "expected a program's name or self, found '"
                            + cap.target() + "'");
                }
            }
            default -> { }
        }
    }

    private static void checkMapping(Mapping mapping, Map<String, ObjectDeclaration> objects, String file)
            throws SystemDescriptionException {
        ObjectDeclaration frame = objects.get(mapping.frame());
        if (frame == null || frame.kind() != ObjectKind.FRAME) {
            throw new SystemDescriptionException(file, mapping.line(), "expected the name of a declared frame, found '"
                    + mapping.frame() + "'");
        }
        long size = 1L << frame.sizeBits();
        if (mapping.address() % size != 0) {
            throw new SystemDescriptionException(file, mapping.line(), String.format(
                    "expected an address aligned to the frame's %d bytes, found 0x%x", size, mapping.address()));
        }
        if (mapping.address() + size > VSpace.USER_TOP || mapping.address() < 0) {
            throw new SystemDescriptionException(file, mapping.line(), String.format(
                    "expected an address below seL4_UserTop (0x%x), found 0x%x", VSpace.USER_TOP, mapping.address()));
        }
    }
}
