package dev.faultline.debug.core.sourcelookup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupParticipant;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;

import dev.faultline.debug.core.model.FaultlineStackFrame;

/**
 * Maps a frame's DWARF path to a source element. An absolute path is the file itself: a workspace
 * file where the workspace holds it (so breakpoints and editors are the workspace's), else the
 * file on disk. A relative path (compiled without an absolute directory) goes to the containers.
 */
public final class FaultlineSourceLookupParticipant extends AbstractSourceLookupParticipant {

    @Override
    public String getSourceName(Object object) throws CoreException {
        return object instanceof FaultlineStackFrame frame ? frame.sourcePath() : null;
    }

    @Override
    public Object[] findSourceElements(Object object) throws CoreException {
        String path = getSourceName(object);
        if (path == null) {
            return new Object[0];
        }
        Object[] found = findElements(path);
        return found.length > 0 ? found : super.findSourceElements(object);
    }

    /** The workspace files at an absolute path, else the file on disk; nothing for a relative or missing path. */
    public Object[] findElements(String path) {
        File file = new File(path);
        if (!file.isAbsolute()) {
            return new Object[0];
        }
        List<Object> found = new ArrayList<>();
        for (IFile workspaceFile : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI())) {
            if (workspaceFile.exists()) {
                found.add(workspaceFile);
            }
        }
        if (found.isEmpty() && file.isFile()) {
            found.add(new LocalFileStorage(file));
        }
        return found.toArray();
    }
}
