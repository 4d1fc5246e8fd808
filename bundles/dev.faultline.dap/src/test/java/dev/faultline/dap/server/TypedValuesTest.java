package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;

/** Locals by their DWARF types: structs, arrays, bit-fields, enums, strings and pointers, opened as a debugger opens them. */
class TypedValuesTest extends ServerFixture {

    private final Path values = Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/values.c");

    private int thread;

    private StackFrame[] stopInArea() {
        thread = launchStopped(Guests.testGuest("values"));
        setBreakpoints(values, at(lineOf(values, "return result;")));
        resume(thread);
        client.stopped();
        return frames(thread);
    }

    @Test
    void aPointerToAStructOpensIntoItsMembers() {
        StackFrame[] frames = stopInArea();
        Variable shape = variable(scope(frames[0].getId(), "Locals"), "shape");
        assertEquals("struct shape *", shape.getType());
        assertTrue(shape.getValue().matches("0x[0-9a-f]+"), shape.getValue());
        Variable pointee = variable(open(shape), "*shape");
        assertEquals("struct shape", pointee.getType());
        assertTrue(pointee.getValue().startsWith("{name = 0x") && pointee.getValue().contains("\"square\", corner = {...}"),
                pointee.getValue());
        Variable[] members = open(pointee);
        assertTrue(value(members, "name").endsWith(" \"square\""), value(members, "name"));
        assertEquals("const char *", variable(members, "name").getType());
        Variable[] corner = open(variable(members, "corner"));
        assertEquals("3", value(corner, "x"));
        assertEquals("-4", value(corner, "y"));
        assertEquals("{2, 2, 0}", value(members, "sizes"));
        assertEquals("long int [3]", variable(members, "sizes").getType());
        assertEquals("2", value(open(variable(members, "sizes")), "[1]"));
        assertEquals("5", value(members, "flags"), "a 3-bit unsigned bit-field");
        assertEquals("-3", value(members, "offset"), "a 5-bit signed bit-field");
        assertEquals("GREEN (5)", value(members, "colour"));
        assertEquals("\"sq\\n\"", value(members, "tag"), "a char array shows as a string");
        Variable grid = variable(members, "grid");
        assertEquals("int [2][3]", grid.getType());
        Variable row = variable(open(grid), "[1]");
        assertEquals("int [3]", row.getType());
        assertEquals("{4, 5, 6}", row.getValue());
        assertEquals("6", value(open(row), "[2]"));
    }

    @Test
    void theCallerShowsItsStructCharAndBoolAndAHoverOpensTheStruct() {
        StackFrame[] frames = stopInArea();
        Variable[] main = scope(frames[1].getId(), "Locals");
        assertEquals("81 'Q'", value(main, "letter"));
        assertEquals("false", value(main, "done"));
        Variable square = variable(main, "square");
        assertTrue(square.getVariablesReference() > 0, "a struct in memory opens");
        assertEquals("-4", value(open(variable(open(square), "corner")), "y"));
        EvaluateArguments hover = new EvaluateArguments();
        hover.setExpression("square");
        hover.setFrameId(frames[1].getId());
        hover.setContext("hover");
        EvaluateResponse answer = await(client.server().evaluate(hover));
        assertEquals(square.getValue(), answer.getResult());
        assertTrue(answer.getVariablesReference() > 0, "the hover opens as Locals does");
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(answer.getVariablesReference());
        assertEquals("\"sq\\n\"", value(await(client.server().variables(arguments)).getVariables(), "tag"));
    }

    @Test
    void theGlobalsScopeShowsTheUnitsGlobalsByTypeAndABareNameInAFrameReadsThem() {
        StackFrame[] frames = stopInArea();
        Variable[] globals = scope(frames[0].getId(), "Globals");
        Variable ticks = variable(globals, "ticks");
        assertEquals("7", ticks.getValue());
        assertEquals("int", ticks.getType());
        assertEquals("ticks", ticks.getEvaluateName());
        long address = evaluate("&ticks");
        assertEquals("0x" + Long.toHexString(address), ticks.getMemoryReference(), "where the global is stored");
        Variable origin = variable(globals, "origin");
        assertEquals("struct point", origin.getType());
        assertEquals("-1", value(open(origin), "y"));
        EvaluateArguments watch = new EvaluateArguments();
        watch.setExpression("ticks");
        watch.setFrameId(frames[1].getId());
        watch.setContext("watch");
        assertEquals("7", await(client.server().evaluate(watch)).getResult(), "in a frame, a global's name is its value");
        assertEquals(7, evaluate("ticks"), "outside a frame too, a global's name is its value");
    }

    private SetVariableResponse set(Variable container, String name, String value) {
        return set(container.getVariablesReference(), name, value);
    }

    private SetVariableResponse set(int container, String name, String value) {
        SetVariableArguments arguments = new SetVariableArguments();
        arguments.setVariablesReference(container);
        arguments.setName(name);
        arguments.setValue(value);
        return await(client.server().setVariable(arguments));
    }

    @Test
    void aVariableStoredInMemoryIsSetInItsSizeAndTheProgramGoesOnWithIt() {
        StackFrame[] frames = stopInArea();
        assertEquals("42", set(scopeReference(frames[0].getId(), "Locals"), "result", "6 * 7").getValue());
        assertEquals("100", set(scopeReference(frames[0].getId(), "Globals"), "ticks", "100").getValue());
        Variable[] main = scope(frames[1].getId(), "Locals");
        assertEquals("65 'A'", set(scopeReference(frames[1].getId(), "Locals"), "letter", "0x41").getValue(),
                "a char: one byte written");
        Variable corner = variable(open(variable(main, "square")), "corner");
        assertEquals("-7", set(corner, "y", "-7").getValue());
        assertEquals("3", value(open(corner), "x"), "the member beside it keeps its bytes");
        ResponseErrorException whole = assertThrows(ResponseErrorException.class,
                () -> set(scopeReference(frames[1].getId(), "Locals"), "square", "0"));
        assertTrue(whole.getMessage().contains("member by member"), whole.getMessage());
        ResponseErrorException bad = assertThrows(ResponseErrorException.class,
                () -> set(scopeReference(frames[1].getId(), "Locals"), "letter", "nothing"));
        assertTrue(bad.getMessage().contains("'nothing'"), bad.getMessage());
        setBreakpoints(values);
        resume(thread);
        client.next("exited");
        assertTrue(client.output().contains("area of square: 42 A 1 101 -1"), client.output());
    }

    private String watch(StackFrame frame, String expression) {
        EvaluateArguments watch = new EvaluateArguments();
        watch.setExpression(expression);
        watch.setFrameId(frame.getId());
        watch.setContext("watch");
        return await(client.server().evaluate(watch)).getResult();
    }

    @Test
    void expressionsNameMembersElementsPointeesAndAddressesAsCDoes() {
        StackFrame[] frames = stopInArea();
        StackFrame area = frames[0];
        assertEquals("-4", watch(area, "shape->corner.y"));
        assertEquals("2", watch(area, "shape->sizes[1]"));
        assertEquals("6", watch(area, "shape->grid[1][2]"));
        assertEquals("1", watch(area, "shape->colour == 5"));
        assertEquals("115 's'", watch(area, "*shape->name"), "a char pointer reads one char, shown as a char");
        assertEquals("113 'q'", watch(area, "shape->tag[1]"));
        assertEquals("GREEN (5)", watch(area, "shape->colour"), "an object an expression names shows by its type");
        assertTrue(watch(area, "shape->corner").startsWith("{x = 3"), "a struct shows as the Variables view shows it");
        assertEquals("-1", watch(area, "origin.y"), "a global struct's member");
        assertEquals(Long.decode(variable(scope(area.getId(), "Globals"), "origin").getMemoryReference()), Long.decode(watch(area, "&origin")),
                "& gives a global's address");
        String square = variable(scope(frames[1].getId(), "Locals"), "square").getMemoryReference();
        assertEquals(Long.decode(square) + 8, Long.decode(watch(area, "&shape->corner")), "corner follows the name pointer");
        assertEquals(Long.decode(square), Long.decode(watch(area, "shape")), "a pointer variable shows as an address");
        assertEquals("3", watch(frames[1], "square.corner.x"));
        assertEquals(Long.decode(square), Long.decode(watch(frames[1], "&square")));
        ResponseErrorException noMember = assertThrows(ResponseErrorException.class, () -> watch(area, "shape->area"));
        assertTrue(noMember.getMessage().contains("no member named 'area'"), noMember.getMessage());
    }

    private String setExpression(StackFrame frame, String expression, String value) {
        org.eclipse.lsp4j.debug.SetExpressionArguments arguments = new org.eclipse.lsp4j.debug.SetExpressionArguments();
        arguments.setExpression(expression);
        arguments.setValue(value);
        arguments.setFrameId(frame.getId());
        return await(client.server().setExpression(arguments)).getValue();
    }

    @Test
    void aWatchSetsTheObjectOrRegisterItNames() {
        StackFrame[] frames = stopInArea();
        assertEquals("9", setExpression(frames[0], "shape->corner.x", "4 + 5"));
        assertEquals("9", watch(frames[1], "square.corner.x"), "main's struct changed through the pointer");
        assertEquals("-4", watch(frames[1], "square.corner.y"), "its neighbour did not");
        assertEquals("50", setExpression(frames[0], "ticks", "50"), "a global by its name");
        assertEquals("0x0000000000000007", setExpression(frames[0], "$t1", "7"));
        assertEquals(7, evaluate("t1"));
        ResponseErrorException sum = assertThrows(ResponseErrorException.class,
                () -> setExpression(frames[0], "shape->corner.x + 1", "3"));
        assertTrue(sum.getMessage().contains("names no register or variable"), sum.getMessage());
        ResponseErrorException whole = assertThrows(ResponseErrorException.class,
                () -> setExpression(frames[0], "shape->corner", "3"));
        assertTrue(whole.getMessage().contains("name one of its members"), whole.getMessage());
    }

    @Test
    void eachPartIsNamedAsCNamesItAndEvaluatesToWhatTheViewShows() {
        StackFrame area = stopInArea()[0];
        Variable shape = variable(scope(area.getId(), "Locals"), "shape");
        Variable pointee = variable(open(shape), "*shape");
        assertEquals("*shape", pointee.getEvaluateName());
        Variable[] members = open(pointee);
        Variable corner = variable(members, "corner");
        assertEquals("shape->corner", corner.getEvaluateName());
        Variable y = variable(open(corner), "y");
        Variable row = variable(open(variable(members, "grid")), "[1]");
        Variable cell = variable(open(row), "[2]");
        Variable size = variable(open(variable(members, "sizes")), "[1]");
        for (Variable leaf : new Variable[] {y, cell, size, variable(members, "colour")}) {
            assertTrue(leaf.getEvaluateName().startsWith("shape->"), leaf.getEvaluateName());
            assertEquals(leaf.getValue(), watch(area, leaf.getEvaluateName()), leaf.getEvaluateName());
        }
        assertEquals("shape->grid[1][2]", cell.getEvaluateName());
    }

    @Test
    void bitFieldsReadAsTheirTypeAndHaveNoAddress() {
        StackFrame area = stopInArea()[0];
        assertEquals("5", watch(area, "shape->flags"));
        assertEquals("-3", watch(area, "shape->offset"), "a signed bit-field's top bit is its sign");
        assertEquals("1", watch(area, "shape->offset == -3 && shape->flags == 5"));
        ResponseErrorException address = assertThrows(ResponseErrorException.class, () -> watch(area, "&shape->flags"));
        assertTrue(address.getMessage().contains("bit-field: C gives it no address"), address.getMessage());
        ResponseErrorException set = assertThrows(ResponseErrorException.class, () -> setExpression(area, "shape->offset", "1"));
        assertTrue(set.getMessage().contains("bit-field"), set.getMessage());
    }

    @Test
    void castsNameTheProgramsTypesAndPostfixOperatorsApplyToParentheses() {
        StackFrame area = stopInArea()[0];
        assertEquals("3", watch(area, "(*shape).corner.x"));
        assertEquals("-4", watch(area, "((struct point *)&shape->corner)->y"));
        assertTrue(watch(area, "*(struct point *)&origin").startsWith("{x = 1"), "a struct read through a cast pointer");
        assertEquals("BLUE (6)", watch(area, "(enum colour)6"), "a cast's value shows by its type");
        assertEquals("253", watch(area, "(unsigned char)shape->offset"));
        assertEquals("1", watch(area, "((long *)shape->sizes)[1] == 2"));
        assertEquals(Long.decode(watch(area, "&shape->corner")), Long.decode(watch(area, "(struct point **)&shape->corner")),
                "a pointer type no line of the program spells is made");
        assertEquals("2", watch(area, "(*(struct shape **)&shape)->sizes[0]"));
        ResponseErrorException unknown = assertThrows(ResponseErrorException.class, () -> watch(area, "(struct circle *)0"));
        assertTrue(unknown.getMessage().contains("no type named 'struct circle'"), unknown.getMessage());
        ResponseErrorException whole = assertThrows(ResponseErrorException.class, () -> watch(area, "(struct point)origin"));
        assertTrue(whole.getMessage().contains("*(struct point *)address"), whole.getMessage());
        assertEquals("7", setExpression(area, "*(int *)&shape->corner.x", "7"), "a cast pointer's target can be set");
        assertEquals("7", watch(area, "shape->corner.x"));
    }

    @Test
    void aConditionReadsAMemberThroughAPointer() {
        thread = launchStopped(Guests.testGuest("values"));
        SourceBreakpoint conditional = at(lineOf(values, "return result;"));
        conditional.setCondition("shape->sizes[0] * shape->sizes[1] == 4 && shape->corner.x == 3");
        setBreakpoints(values, conditional);
        resume(thread);
        assertEquals("breakpoint", client.stopped().getReason());
    }
}
