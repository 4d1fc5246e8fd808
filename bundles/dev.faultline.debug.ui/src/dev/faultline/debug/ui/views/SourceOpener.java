package dev.faultline.debug.ui.views;

import java.io.File;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.ui.FaultlineDebugUi;

/** Opens the source line of a guest address: the adapter's disassembly names the DWARF file and line of an instruction. */
final class SourceOpener {

    private SourceOpener() {
    }

    static boolean openAt(IWorkbenchPage page, FaultlineDebugTarget target, String pc) {
        if (target == null || target.isTerminated() || pc == null || pc.isEmpty()) {
            return false;
        }
        DisassembleArguments arguments = new DisassembleArguments();
        arguments.setMemoryReference(pc);
        arguments.setInstructionCount(1);
        arguments.setResolveSymbols(true);
        try {
            DisassembledInstruction[] found = target.client().call("disassemble " + pc, adapter -> adapter.disassemble(arguments))
                    .getInstructions();
            if (found.length == 0 || found[0].getLocation() == null || found[0].getLocation().getPath() == null
                    || found[0].getLine() == null) {
                FaultlineDebugUi.status(page, "No source line is known for " + pc + ".");
                return false;
            }
            return open(page, found[0].getLocation().getPath(), found[0].getLine());
        } catch (DebugException e) {
            FaultlineDebugUi.status(page, e.getMessage());
            return false;
        }
    }

    /** Opens path (a workspace file where the workspace holds it) and reveals line (1-based). */
    static boolean open(IWorkbenchPage page, String path, int line) {
        File file = new File(path);
        try {
            IEditorPart editor;
            IFile[] inWorkspace = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
            if (inWorkspace.length > 0 && inWorkspace[0].exists()) {
                editor = IDE.openEditor(page, inWorkspace[0]);
            } else if (file.isFile()) {
                editor = IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toURI()));
            } else {
                FaultlineDebugUi.status(page, "The source file " + path + " is not on this machine.");
                return false;
            }
            if (editor instanceof ITextEditor text) {
                IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
                int offset = document.getLineOffset(Math.max(0, line - 1));
                text.selectAndReveal(offset, document.getLineLength(Math.max(0, line - 1)));
            }
            return true;
        } catch (PartInitException | BadLocationException e) {
            FaultlineDebugUi.status(page, "Cannot open " + path + " at line " + line + ": " + e.getMessage());
            return false;
        }
    }
}
