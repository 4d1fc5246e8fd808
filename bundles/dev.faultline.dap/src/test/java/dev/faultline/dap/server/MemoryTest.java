package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** disassemble, readMemory, writeMemory, evaluate, registers and modules at a stop. */
class MemoryTest extends ServerFixture {

    @Test
    void disassembleGivesTheCountAskedForAroundThePc() {
        StackFrame top = stopInSquare();
        DisassembleArguments arguments = new DisassembleArguments();
        arguments.setMemoryReference(top.getInstructionPointerReference());
        arguments.setInstructionOffset(-3);
        arguments.setInstructionCount(8);
        DisassembledInstruction[] instructions = await(client.server().disassemble(arguments)).getInstructions();
        assertEquals(8, instructions.length);
        assertEquals(top.getInstructionPointerReference(), instructions[3].getAddress());
        assertTrue(instructions[3].getLocation().getPath().endsWith("steps.c"));
        assertEquals(top.getLine(), instructions[3].getLine());
        for (int i = 1; i < instructions.length; i++) {
            assertTrue(Long.decode(instructions[i].getAddress()) > Long.decode(instructions[i - 1].getAddress()));
        }
        DisassembleArguments entry = new DisassembleArguments();
        entry.setMemoryReference("0x" + Long.toHexString(evaluate("square")));
        entry.setInstructionCount(1);
        DisassembledInstruction first = await(client.server().disassemble(entry)).getInstructions()[0];
        assertEquals("square", first.getSymbol());
        assertTrue(first.getInstruction().contains("sp,sp,-"), "the prologue makes the frame: " + first.getInstruction());
    }

    @Test
    void writtenMemoryReadsBackAndShowsInExpressions() {
        stopInSquare();
        long counter = evaluate("&counter");
        WriteMemoryArguments write = new WriteMemoryArguments();
        write.setMemoryReference("0x" + Long.toHexString(counter));
        write.setData(Base64.getEncoder().encodeToString(new byte[] {42, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals(8, await(client.server().writeMemory(write)).getBytesWritten());
        assertEquals(42, evaluate("counter"));
        assertEquals(43, evaluate("counter + 1"));
        ReadMemoryArguments read = new ReadMemoryArguments();
        read.setMemoryReference("0x" + Long.toHexString(counter));
        read.setCount(8);
        ReadMemoryResponse answer = await(client.server().readMemory(read));
        assertEquals(42, Base64.getDecoder().decode(answer.getData())[0]);
        assertNull(answer.getUnreadableBytes());
    }

    @Test
    void evaluateShowsAddressesInHexWithAMemoryReferenceAndIntegersInDecimal() {
        StackFrame top = stopInSquare();
        EvaluateArguments pc = new EvaluateArguments();
        pc.setExpression("pc");
        pc.setContext("hover");
        EvaluateResponse address = await(client.server().evaluate(pc));
        assertEquals(String.format("0x%016x", Long.decode(top.getInstructionPointerReference())), address.getResult());
        assertEquals(top.getInstructionPointerReference(), address.getMemoryReference());
        EvaluateArguments word = new EvaluateArguments();
        word.setExpression("counter - 1");
        word.setContext("watch");
        EvaluateResponse integer = await(client.server().evaluate(word));
        assertEquals("-1", integer.getResult(), "nothing counted yet at the first call");
        assertEquals("int64", integer.getType());
        assertNull(integer.getMemoryReference());
    }

    @Test
    void unmappedMemoryIsReportedUnreadable() {
        stopInSquare();
        ReadMemoryArguments read = new ReadMemoryArguments();
        read.setMemoryReference("0x10");
        read.setCount(16);
        ReadMemoryResponse answer = await(client.server().readMemory(read));
        assertEquals(16, answer.getUnreadableBytes());
        assertEquals("", answer.getData());
    }

    @Test
    void aRegisterSetInTheRegistersScopeIsWhatTheThreadHolds() {
        StackFrame top = stopInSquare();
        Variable[] registers = scope(top.getId(), "Registers");
        assertEquals("pc", registers[0].getName());
        assertEquals(top.getInstructionPointerReference(), "0x" + Long.toHexString(Long.decode(registers[0].getValue())));
        assertEquals("ra", registers[1].getName());
        assertEquals(32, registers.length);
        SetVariableArguments set = new SetVariableArguments();
        set.setVariablesReference(scopeReference(top.getId(), "Registers"));
        set.setName("t0");
        set.setValue("0x1234 + 1");
        assertEquals("0x0000000000001235", await(client.server().setVariable(set)).getValue());
        assertEquals(0x1235, evaluate("t0"));
    }

    @Test
    void anExpressionWithAnUnknownNameIsAnErrorWithABody() {
        stopInSquare();
        ResponseErrorException error = assertThrows(ResponseErrorException.class, () -> evaluate("no_such_symbol + 1"));
        assertTrue(error.getMessage().contains("no_such_symbol"), error.getMessage());
        assertTrue(String.valueOf(error.getResponseError().getData()).contains("error"));
    }

    @Test
    void modulesListTheProgramImage() {
        stopInSquare();
        Module[] modules = await(client.server().modules(new ModulesArguments())).getModules();
        assertEquals(1, modules.length);
        assertEquals("dap-steps.elf", modules[0].getName());
        assertEquals("DWARF loaded", modules[0].getSymbolStatus());
        assertTrue(modules[0].getAddressRange().startsWith("0x10000-"), modules[0].getAddressRange());
    }
}
