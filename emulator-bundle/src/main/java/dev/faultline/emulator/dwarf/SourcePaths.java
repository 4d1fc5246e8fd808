package dev.faultline.emulator.dwarf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path arithmetic line tables need: joining a directory and a name, dropping "." segments and
 * folding "dir/.." as a compiler's file names ask, and matching a breakpoint's file against a
 * recorded path by whole trailing segments.
 */
final class SourcePaths {

    private SourcePaths() {
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    /** name under directory, unless name is absolute or directory empty or unknown. */
    static String join(String directory, String name) {
        if (directory == null || directory.isEmpty() || isAbsolute(name)) {
            return name;
        }
        if (name.isEmpty()) {
            return directory;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        return isAbsolute(path) ? "/" + joined : joined;
    }

    /**
     * Whether a recorded path is the file a user named: equal when the query is absolute, else the
     * query's segments end the recorded path ("calls.c", "dwarf/calls.c").
     */
    static boolean matches(String recorded, String query) {
        String wanted = normalize(query);
        if (isAbsolute(query)) {
            return recorded.equals(wanted);
        }
        return recorded.equals(wanted) || recorded.endsWith("/" + wanted);
    }
}
