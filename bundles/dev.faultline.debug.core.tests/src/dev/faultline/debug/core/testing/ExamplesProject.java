package dev.faultline.debug.core.testing;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;

/** The repository's examples/ folder as a workspace project, as a user imports it ("examples" at its own location). */
public final class ExamplesProject {

    public static final String NAME = "examples";

    private ExamplesProject() {
    }

    public static IProject open() throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(NAME);
        if (!project.exists()) {
            IProjectDescription description = workspace.newProjectDescription(NAME);
            description.setLocation(org.eclipse.core.runtime.Path.fromOSString(Guests.root().resolve("examples").toString()));
            project.create(description, new NullProgressMonitor());
        }
        if (!project.isOpen()) {
            project.open(new NullProgressMonitor());
        }
        return project;
    }

    /** A file of the project by its path under examples/. */
    public static IFile file(String relative) throws CoreException {
        return open().getFile(relative);
    }
}
