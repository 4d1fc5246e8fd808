package dev.faultline.debug.core.testing;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;

import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;

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
            // Settle the resource tree now: a refresh still running when a test puts a breakpoint
            // marker on a file may replace the file's resource, and the marker with it.
            project.refreshLocal(IResource.DEPTH_INFINITE, new NullProgressMonitor());
            try {
                Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_REFRESH, new NullProgressMonitor());
                Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_REFRESH, new NullProgressMonitor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return project;
    }

    /** A file of the project by its path under examples/. */
    public static IFile file(String relative) throws CoreException {
        return open().getFile(relative);
    }

    /** A line breakpoint on the first line of an example source (relative to examples/) that contains text. */
    public static FaultlineLineBreakpoint breakpointAt(String relative, String text) throws CoreException, IOException {
        IFile source = file(relative);
        return new FaultlineLineBreakpoint(source, source.getLocation().toOSString(),
                Guests.lineOf(Guests.source(relative), text));
    }
}
