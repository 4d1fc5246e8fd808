package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.debug.CompletionItem;
import org.eclipse.lsp4j.debug.CompletionItemType;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.CompletionsResponse;

import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.Globals;
import dev.faultline.dap.session.Locals;
import dev.faultline.dap.session.Program;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.elf.SymbolType;
import dev.faultline.emulator.hart.Registers;

/**
 * completions, for the debug console: the names the word at the cursor can grow into, as an
 * expression reads them: the frame's parameters and variables and its unit's globals, registers
 * (only registers after a `$`), and the program's function and data symbols.
 */
public final class CompletionsHandler {

    /** Candidates answered at most: a console shows a short list, and a prefix narrows it. */
    static final int MAX_TARGETS = 100;

    private final DapSession session;

    public CompletionsHandler(DapSession session) {
        this.session = session;
    }

    public CompletionsResponse completions(CompletionsArguments arguments) {
        String text = arguments.getText() == null ? "" : arguments.getText();
        int cursor = Math.max(0, Math.min(text.length(), arguments.getColumn() - session.firstColumn()));
        int start = cursor;
        while (start > 0 && isNamePart(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, cursor);
        boolean registersOnly = start > 0 && text.charAt(start - 1) == '$';
        References.FrameRef frame = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId());
        Map<String, CompletionItemType> names = session.call(debuggee -> {
            Map<String, CompletionItemType> found = new LinkedHashMap<>();
            ThreadContext thread = TypedContainers.expressionContext(debuggee, frame);
            if (!registersOnly) {
                int level = frame == null ? 0 : frame.level();
                for (List<TypedValues.Value> values : List.of(Locals.ofFrame(thread, level), Globals.ofFrame(thread, level))) {
                    values.forEach(value -> found.putIfAbsent(value.name(), CompletionItemType.VARIABLE));
                }
            }
            found.putIfAbsent("pc", CompletionItemType.PROPERTY);
            Registers.ABI_NAMES.stream().skip(1).forEach(name -> found.putIfAbsent(name, CompletionItemType.PROPERTY));
            if (!registersOnly) {
                symbols(thread.program(), found);
            }
            return found;
        });
        List<CompletionItem> targets = new ArrayList<>();
        for (Map.Entry<String, CompletionItemType> name : names.entrySet()) {
            if (name.getKey().startsWith(prefix) && targets.size() < MAX_TARGETS) {
                CompletionItem item = new CompletionItem();
                item.setLabel(name.getKey());
                item.setType(name.getValue());
                item.setStart(start + session.firstColumn());
                item.setLength(prefix.length());
                targets.add(item);
            }
        }
        CompletionsResponse response = new CompletionsResponse();
        response.setTargets(targets.toArray(CompletionItem[]::new));
        return response;
    }

    /** The program's named functions and data objects, by name: what a symbol in an expression can be. */
    private static void symbols(Program program, Map<String, CompletionItemType> found) {
        program.elf().symbols().all().stream()
                .filter(symbol -> symbol.isDefined() && (symbol.type() == SymbolType.FUNC || symbol.type() == SymbolType.OBJECT))
                .filter(symbol -> !symbol.name().isEmpty()).sorted(Comparator.comparing(Symbol::name))
                .forEach(symbol -> found.putIfAbsent(symbol.name(),
                        symbol.type() == SymbolType.FUNC ? CompletionItemType.FUNCTION : CompletionItemType.VARIABLE));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
