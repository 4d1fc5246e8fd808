package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * invalidated and memory events: after setVariable and writeMemory, for what the client shows
 * that the response did not already tell it; only to clients whose initialize said they take them.
 */
class InvalidatedEventsTest extends RawFixture {

    private static final String BOTH = "{\"adapterID\":\"faultline\",\"supportsInvalidatedEvent\":true,"
            + "\"supportsMemoryEvent\":true}";

    private int thread;
    private int registers;
    private String counter;

    /** Initializes with these arguments and stops in square() of the steps guest; keeps its Registers scope. */
    private void stopInSquare(String initialize) {
        raw.response(raw.request("initialize", initialize));
        raw.response(raw.request("launch", "{\"program\":\"" + Guests.testGuest("steps") + "\"}"));
        raw.response(raw.request("setFunctionBreakpoints", "{\"breakpoints\":[{\"name\":\"square\"}]}"));
        raw.response(raw.request("configurationDone", null));
        thread = raw.event("stopped").getAsJsonObject("body").get("threadId").getAsInt();
        JsonObject frames = body(raw.request("stackTrace", "{\"threadId\":" + thread + "}"));
        int frame = frames.getAsJsonArray("stackFrames").get(0).getAsJsonObject().get("id").getAsInt();
        for (JsonElement scope : body(raw.request("scopes", "{\"frameId\":" + frame + "}")).getAsJsonArray("scopes")) {
            if (scope.getAsJsonObject().get("name").getAsString().equals("Registers")) {
                registers = scope.getAsJsonObject().get("variablesReference").getAsInt();
            }
        }
    }

    private JsonObject body(int request) {
        JsonObject response = raw.response(request);
        assertTrue(response.get("success").getAsBoolean(), response.toString());
        return response.getAsJsonObject("body");
    }

    private int setRegister(String name, String value) {
        return raw.request("setVariable", "{\"variablesReference\":" + registers + ",\"name\":\"" + name
                + "\",\"value\":\"" + value + "\"}");
    }

    /** Writes 8 bytes at the steps guest's counter (its address kept in counter); answers the request's seq. */
    private int writeCounter() {
        String result = body(raw.request("evaluate", "{\"expression\":\"&counter\",\"context\":\"watch\"}")).get("result")
                .getAsString();
        counter = "0x" + Long.toHexString(Long.parseUnsignedLong(result.substring(2), 16));
        String data = Base64.getEncoder().encodeToString(new byte[] {7, 0, 0, 0, 0, 0, 0, 0});
        return raw.request("writeMemory", "{\"memoryReference\":\"" + counter + "\",\"data\":\"" + data + "\"}");
    }

    private static List<String> areas(JsonObject event) {
        return event.getAsJsonObject("body").getAsJsonArray("areas").asList().stream().map(JsonElement::getAsString)
                .toList();
    }

    @Test
    void settingARegisterInvalidatesTheThreadsVariablesAfterTheResponse() {
        stopInSquare(BOTH);
        JsonObject response = raw.response(setRegister("t0", "0x1234"));
        JsonObject invalidated = raw.event("invalidated");
        assertTrue(index(response) < index(invalidated), raw.seen().toString());
        assertEquals(List.of("variables"), areas(invalidated));
        assertEquals(thread, invalidated.getAsJsonObject("body").get("threadId").getAsInt());
    }

    @Test
    void settingARegisterTheBacktraceStartsFromInvalidatesTheStackToo() {
        stopInSquare(BOTH);
        raw.response(setRegister("sp", "sp - 16"));
        assertEquals(List.of("stacks", "variables"), areas(raw.event("invalidated")));
        raw.response(setRegister("pc", "pc"));
        assertEquals(List.of("stacks", "variables"), areas(raw.event("invalidated")));
    }

    @Test
    void writingMemorySendsAMemoryEventForTheBytesWrittenAndInvalidatesWhatMayLiveThere() {
        stopInSquare(BOTH);
        int write = writeCounter();
        JsonObject response = raw.response(write);
        assertTrue(response.get("success").getAsBoolean(), response.toString());
        JsonObject memory = raw.event("memory");
        JsonObject invalidated = raw.event("invalidated");
        assertTrue(index(response) < index(memory), raw.seen().toString());
        assertEquals(counter, memory.getAsJsonObject("body").get("memoryReference").getAsString());
        assertEquals(8, memory.getAsJsonObject("body").get("count").getAsInt());
        assertEquals(0, memory.getAsJsonObject("body").get("offset").getAsInt());
        assertEquals(List.of("stacks", "variables"), areas(invalidated));
        assertFalse(invalidated.getAsJsonObject("body").has("threadId"), "the address space may be shared");
    }

    @Test
    void aClientThatDidNotSayItTakesThemGetsNeitherEvent() {
        stopInSquare("{\"adapterID\":\"faultline\"}");
        raw.response(setRegister("sp", "sp"));
        raw.response(writeCounter());
        raw.response(raw.request("threads", null));
        for (JsonObject message : raw.seen()) {
            if (message.get("type").getAsString().equals("event")) {
                String event = message.get("event").getAsString();
                assertFalse(event.equals("invalidated") || event.equals("memory"), raw.seen().toString());
            }
        }
    }
}
