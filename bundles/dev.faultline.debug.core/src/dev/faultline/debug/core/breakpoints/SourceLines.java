package dev.faultline.debug.core.breakpoints;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Where a line of a source file lies in its text, as a document's character offsets: what a marker's char range holds. */
final class SourceLines {

    private SourceLines() {
    }

    /**
     * The offsets of line (1-based) in the file: its first character and the one after its last
     * (before the line delimiter); null when the file cannot be read or is shorter.
     */
    static int[] range(IResource resource, String path, int line) throws CoreException {
        String text;
        try {
            Charset charset = resource instanceof IFile file ? Charset.forName(file.getCharset()) : StandardCharsets.UTF_8;
            text = Files.readString(Path.of(path), charset);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        int start = 0;
        for (int at = 1; at < line; at++) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                return null;
            }
            start = newline + 1;
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return new int[] {start, end};
    }
}
