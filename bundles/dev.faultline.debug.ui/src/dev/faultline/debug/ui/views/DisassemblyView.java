package dev.faultline.debug.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.jface.resource.JFaceResources;

import dev.faultline.debug.core.breakpoints.FaultlineAddressBreakpoint;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineStackFrame;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.ui.FaultlineDebugUi;

/**
 * The Disassembly view: the instructions around the selected thread's pc, decoded by the adapter,
 * with their function and source line; the pc's row is marked, and so are rows with an address
 * breakpoint. Double-clicking a row sets or clears an address breakpoint there.
 */
public class DisassemblyView extends KernelView<DisassemblyView.Window> {

    public static final String ID = "dev.faultline.debug.ui.views.disassembly";

    public static final String[] COLUMNS = {"", "Address", "Instruction", "Function / source line"};

    /** The marker of the pc's row, and of a row with an address breakpoint. */
    public static final String PC = "=>";
    public static final String BREAKPOINT = "●";

    private static final int BEFORE = 12;
    private static final int COUNT = 40;

    /** The instructions shown and the pc among them. */
    record Window(long pc, DisassembledInstruction[] instructions) {
    }

    private Table table;

    @Override
    protected Control createContent(Composite parent) {
        table = Columns.table(parent, COLUMNS, new int[] {40, 150, 300, 220});
        Font mono = JFaceResources.getTextFont();
        table.setFont(mono);
        table.addListener(SWT.DefaultSelection, event -> {
            if (event.item != null && event.item.getData() instanceof Long address) {
                toggleBreakpoint(address);
            }
        });
        return table.getParent();
    }

    @Override
    protected String emptyHint() {
        return "The instructions around the selected thread's pc appear here.";
    }

    @Override
    protected Window fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException {
        if (thread == null) {
            return null;
        }
        IStackFrame top = thread.getTopStackFrame();
        if (!(top instanceof FaultlineStackFrame frame)) {
            return null;
        }
        DisassembleArguments arguments = new DisassembleArguments();
        arguments.setMemoryReference(frame.instructionPointer());
        arguments.setInstructionOffset(-BEFORE);
        arguments.setInstructionCount(COUNT);
        arguments.setResolveSymbols(true);
        DisassembledInstruction[] instructions = target.client()
                .call("disassemble " + frame.instructionPointer(), adapter -> adapter.disassemble(arguments)).getInstructions();
        return new Window(Long.decode(frame.instructionPointer()), instructions);
    }

    @Override
    protected String show(Window window) {
        if (window == null) {
            return "Select a thread (or a stack frame) in the Debug view to see its instructions.";
        }
        table.removeAll();
        TableItem current = null;
        String lastSource = "";
        for (DisassembledInstruction instruction : window.instructions()) {
            long address = Long.decode(instruction.getAddress());
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(address);
            String marker = address == window.pc() ? PC : FaultlineAddressBreakpoint.at(address) != null ? BREAKPOINT : "";
            String source = instruction.getLocation() == null || instruction.getLine() == null ? ""
                    : instruction.getLocation().getName() + ":" + instruction.getLine();
            // A source line is named where it changes; a function where it starts (the adapter names it there).
            String where = source.equals(lastSource) ? "" : source;
            if (instruction.getSymbol() != null) {
                where = instruction.getSymbol() + ":" + (where.isEmpty() ? "" : "  " + where);
            }
            row.setText(new String[] {marker, instruction.getAddress(), instruction.getInstruction(), where});
            lastSource = source;
            if (address == window.pc()) {
                current = row;
                row.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
            }
        }
        if (current != null) {
            table.showItem(current);
        }
        return null;
    }

    private void toggleBreakpoint(long address) {
        try {
            FaultlineAddressBreakpoint existing = FaultlineAddressBreakpoint.at(address);
            if (existing != null) {
                existing.delete();
            } else {
                new FaultlineAddressBreakpoint(address);
            }
            refresh();
        } catch (CoreException e) {
            FaultlineDebugUi.status(getSite().getPage(), "Cannot set an address breakpoint: " + e.getMessage());
        }
    }

    /** Each row's cells as shown. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(cells(COLUMNS.length, item::getText));
        }
        return rows;
    }

    /** Double-clicks row index, as a user would (tests use it); returns its address. */
    public long doubleClick(int index) {
        long address = (Long) table.getItem(index).getData();
        toggleBreakpoint(address);
        return address;
    }
}
