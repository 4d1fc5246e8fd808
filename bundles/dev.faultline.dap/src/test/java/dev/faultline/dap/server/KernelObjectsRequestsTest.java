package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/** faultline/endpoints and faultline/capabilities, at a stop where three callers wait on one endpoint. */
class KernelObjectsRequestsTest {

    private static JsonObject stoppedWithThreeCallersQueued(RawClient raw) {
        raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
        raw.response(raw.request("launch", "{\"program\":\"" + Guests.testGuest("queue") + "\"}"));
        raw.response(raw.request("setFunctionBreakpoints", "{\"breakpoints\":[{\"name\":\"all_queued\"}]}"));
        raw.response(raw.request("configurationDone", null));
        return raw.event("stopped");
    }

    @Test
    void theEndpointsQueueListsItsCallersInOrderWithBadgesAndMessages() throws IOException {
        try (RawSession session = new RawSession()) {
            RawClient raw = session.raw;
            stoppedWithThreeCallersQueued(raw);
            JsonObject response = raw.response(raw.request("faultline/endpoints", "{}"));
            assertTrue(response.get("success").getAsBoolean(), response.toString());
            JsonObject queued = null;
            for (JsonElement endpoint : response.getAsJsonObject("body").getAsJsonArray("endpoints")) {
                if (endpoint.getAsJsonObject().getAsJsonArray("queue").size() > 0) {
                    assertEquals(null, queued, "one endpoint has callers");
                    queued = endpoint.getAsJsonObject();
                }
            }
            assertEquals("send", queued.get("state").getAsString());
            List<String> seen = new ArrayList<>();
            for (JsonElement element : queued.getAsJsonArray("queue")) {
                JsonObject waiter = element.getAsJsonObject();
                assertEquals("blocked on send", waiter.get("state").getAsString(), "seL4's name for the state");
                assertTrue(waiter.get("call").getAsBoolean());
                seen.add(waiter.get("threadName").getAsString() + " " + waiter.get("badge").getAsString() + " label "
                        + waiter.getAsJsonObject("messageInfo").get("label").getAsString());
            }
            // As seL4's restart does, each resumed thread went to the head of its ready queue, and
            // the root's Yield to the tail: the last one started called first.
            assertEquals(List.of("sender-2 0x0000000000000012 label 0x0000000000000009",
                    "sender-1 0x0000000000000011 label 0x0000000000000008",
                    "sender-0 0x0000000000000010 label 0x0000000000000007"), seen);
            JsonArray slots = queued.getAsJsonArray("slots");
            assertTrue(slots.size() >= 4, "the endpoint's original cap and its three badged copies: " + slots);
            assertTrue(slots.get(0).getAsJsonObject().get("text").getAsString().startsWith("cnode #"), slots.toString());
        }
    }

    @Test
    void theCapabilitiesOfAThreadListItsCSpaceWithCPtrs() throws IOException {
        try (RawSession session = new RawSession()) {
            RawClient raw = session.raw;
            long thread = stoppedWithThreeCallersQueued(raw).getAsJsonObject("body").get("threadId").getAsLong();
            JsonObject response = raw.response(raw.request("faultline/capabilities", "{\"threadId\":" + thread + "}"));
            assertTrue(response.get("success").getAsBoolean(), response.toString());
            JsonObject body = response.getAsJsonObject("body");
            assertEquals("rootserver", body.get("threadName").getAsString());
            long badgedEndpoints = 0;
            for (JsonElement element : body.getAsJsonArray("slots")) {
                JsonObject slot = element.getAsJsonObject();
                if (slot.get("type").getAsString().contains("endpoint") && !slot.get("badge").getAsString().endsWith("000")) {
                    badgedEndpoints++;
                }
            }
            assertEquals(3, badgedEndpoints, body.toString());
            JsonObject missing = raw.response(raw.request("faultline/capabilities", "{\"threadId\":999999}"));
            assertFalse(missing.get("success").getAsBoolean());
            assertTrue(missing.getAsJsonObject("body").has("error"), missing.toString());
        }
    }
}
