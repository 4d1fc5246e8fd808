package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/** The wire as DAP wants it: responses before the events they cause, and bad requests answered with body.error. */
class ProtocolTest extends RawFixture {

    private static void assertErrorWithBody(JsonObject response) {
        assertFalse(response.get("success").getAsBoolean(), response.toString());
        assertTrue(response.get("message").getAsString().length() > 0, response.toString());
        JsonObject error = response.getAsJsonObject("body").getAsJsonObject("error");
        assertTrue(error.get("id").getAsInt() > 0, response.toString());
        assertTrue(error.get("format").getAsString().length() > 0, response.toString());
    }

    @Test
    void initializedComesAfterTheInitializeResponse() {
        JsonObject response = raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
        assertTrue(response.get("success").getAsBoolean());
        JsonObject initialized = raw.event("initialized");
        assertTrue(index(response) < index(initialized), raw.seen().toString());
    }

    @Test
    void anUnknownCommandGetsAnErrorWithABodyAndTheSessionGoesOn() {
        raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
        assertErrorWithBody(raw.response(raw.request("frobnicate", "{}")));
        assertTrue(raw.response(raw.request("threads", null)).get("success").getAsBoolean());
    }

    @Test
    void brokenJsonAndBadArgumentsLeaveTheSessionUsable() {
        raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
        raw.send("{\"seq\": 99, \"type\": \"request\", \"command\": ");
        assertErrorWithBody(raw.response(raw.request("stackTrace", "{\"threadId\": 4242}")));
        assertErrorWithBody(raw.response(raw.request("launch", "{\"program\": \"/no/such/guest.elf\"}")));
        assertErrorWithBody(raw.response(raw.request("setBreakpoints", "{\"source\": {}}")));
        assertErrorWithBody(raw.response(raw.request("readMemory", "{\"memoryReference\": \"nowhere\", \"count\": 4}")));
        assertTrue(raw.response(raw.request("threads", null)).get("success").getAsBoolean());
    }

    /** Launches the steps guest, stopped on entry; answers the stopped event. */
    private JsonObject launchStoppedOnEntry() {
        raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
        String program = Guests.testGuest("steps").toString();
        raw.response(raw.request("launch", "{\"program\": \"" + program + "\", \"stopOnEntry\": true}"));
        raw.response(raw.request("configurationDone", null));
        return raw.event("stopped");
    }

    @Test
    void theConsolesGotoAndVariableRequestsAnswerBadArgumentsWithErrors() {
        launchStoppedOnEntry();
        assertTrue(raw.response(raw.request("completions", "{}")).get("success").getAsBoolean(),
                "no text: every name completes the empty word");
        assertErrorWithBody(raw.response(raw.request("gotoTargets", "{\"line\": 3}")));
        assertErrorWithBody(raw.response(raw.request("goto", "{\"threadId\": 1, \"targetId\": 77}")));
        assertErrorWithBody(raw.response(raw.request("setVariable", "{\"variablesReference\": 999, \"name\": \"x\", \"value\": \"1\"}")));
        assertErrorWithBody(raw.response(raw.request("evaluate", "{\"expression\": \"counter->x\"}")));
        assertErrorWithBody(raw.response(raw.request("evaluate", "{\"expression\": \"&(1 + 2)\"}")));
        JsonObject info = raw.response(raw.request("dataBreakpointInfo", "{\"variablesReference\": 999, \"name\": \"x\"}"));
        assertTrue(info.get("success").getAsBoolean() && !info.getAsJsonObject("body").has("dataId"), info.toString());
        assertTrue(raw.response(raw.request("threads", null)).get("success").getAsBoolean());
    }

    @Test
    void aStepsResponseComesBeforeItsStoppedEvent() {
        JsonObject entry = launchStoppedOnEntry();
        int thread = entry.getAsJsonObject("body").get("threadId").getAsInt();
        JsonObject next = raw.response(raw.request("next", "{\"threadId\": " + thread + ", \"granularity\": \"instruction\"}"));
        assertTrue(next.get("success").getAsBoolean(), next.toString());
        JsonObject stepped = raw.event("stopped");
        assertEquals("step", stepped.getAsJsonObject("body").get("reason").getAsString());
        assertTrue(index(next) < index(stepped), raw.seen().toString());
    }
}
