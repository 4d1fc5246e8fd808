package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.debug.CompletionItem;
import org.eclipse.lsp4j.debug.CompletionItemType;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.junit.jupiter.api.Test;

/** completions in the debug console: the frame's variables, registers and symbols that continue the word at the cursor. */
class CompletionsTest extends ServerFixture {

    private CompletionItem[] complete(StackFrame frame, String text, int column) {
        CompletionsArguments arguments = new CompletionsArguments();
        arguments.setText(text);
        arguments.setColumn(column);
        arguments.setFrameId(frame.getId());
        return await(client.server().completions(arguments)).getTargets();
    }

    private static Map<String, CompletionItemType> byLabel(CompletionItem[] items) {
        return Arrays.stream(items).collect(Collectors.toMap(CompletionItem::getLabel, CompletionItem::getType));
    }

    @Test
    void theWordAtTheCursorGrowsIntoVariablesRegistersAndSymbols() {
        StackFrame square = stopInSquare();
        Map<String, CompletionItemType> co = byLabel(complete(square, "*co", 4));
        assertEquals(CompletionItemType.VARIABLE, co.get("counter"), "a global of the frame's unit: " + co);
        assertTrue(co.keySet().stream().allMatch(label -> label.startsWith("co")), co.toString());
        assertEquals(CompletionItemType.VARIABLE, byLabel(complete(square, "x", 2)).get("x"), "the frame's parameter");
        assertEquals(CompletionItemType.FUNCTION, byLabel(complete(square, "sum_", 5)).get("sum_of_squares"));
        CompletionItem[] registers = complete(square, "1 + $s + x", 7);
        assertTrue(Arrays.stream(registers).allMatch(item -> item.getType() == CompletionItemType.PROPERTY),
                "after $, only registers");
        assertTrue(byLabel(registers).keySet().containsAll(java.util.List.of("sp", "s0", "s11")), byLabel(registers).toString());
        assertEquals(6, registers[0].getStart(), "the word starts at column 6 (1-based)");
        assertEquals(1, registers[0].getLength(), "and its one letter is replaced");
    }
}
