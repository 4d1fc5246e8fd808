package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/** faultline/faultLog and faultline/trapframe, after a root task faulted with no handler. */
class FaultlineRequestsTest {

    @Test
    void theFaultLogAndTrapframeShowTheDecodedFault() throws IOException {
        try (RawSession session = new RawSession()) {
            RawClient raw = session.raw;
            raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"));
            raw.response(raw.request("launch", "{\"program\":\"" + Guests.testGuest("steps") + "\"}"));
            raw.response(raw.request("configurationDone", null));
            raw.event("exited");
            JsonObject log = raw.response(raw.request("faultline/faultLog", "{}"));
            assertTrue(log.get("success").getAsBoolean(), log.toString());
            JsonArray faults = log.getAsJsonObject("body").getAsJsonArray("faults");
            assertEquals(1, faults.size());
            JsonObject fault = faults.get(0).getAsJsonObject();
            assertEquals("VMFault", fault.get("kind").getAsString());
            assertEquals("double_fault", fault.get("outcome").getAsString());
            assertEquals("0x0000000000000010", fault.getAsJsonObject("fields").get("Addr").getAsString());
            assertTrue(log.getAsJsonObject("body").get("text").getAsString().contains("VMFault"));
            long thread = fault.get("threadId").getAsLong();
            JsonObject trapframe = raw.response(raw.request("faultline/trapframe", "{\"threadId\":" + thread + "}"));
            JsonObject body = trapframe.getAsJsonObject("body");
            assertEquals("VMFault", body.getAsJsonObject("fault").get("kind").getAsString());
            assertEquals(fault.getAsJsonObject("trapframe").get("pc").getAsString(),
                    body.getAsJsonObject("registers").get("pc").getAsString());
            JsonObject trap = body.getAsJsonObject("trap");
            assertEquals(13, trap.get("cause").getAsInt(), "a load page fault: " + trap);
            assertEquals("0x0000000000000010", trap.get("tval").getAsString(), "stval: the address read");
            assertEquals(body.getAsJsonObject("fault").getAsJsonObject("fields").get("IP").getAsString(),
                    trap.get("pc").getAsString());
            JsonObject missing = raw.response(raw.request("faultline/trapframe", "{}"));
            assertFalse(missing.get("success").getAsBoolean());
            assertTrue(missing.getAsJsonObject("body").has("error"));
        }
    }
}
