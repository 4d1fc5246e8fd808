package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Every capability initialize advertises is a request the adapter really serves: each is sent
 * at a stop and must not come back as an unknown request; and nothing else is advertised.
 */
class CapabilitiesTest {

    /** Each request capability and a request that exercises it. */
    private static final Map<String, String[]> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("supportsConfigurationDoneRequest", new String[] {"configurationDone", null});
        REQUESTS.put("supportsFunctionBreakpoints", new String[] {"setFunctionBreakpoints", "{\"breakpoints\":[{\"name\":\"main\"}]}"});
        REQUESTS.put("supportsConditionalBreakpoints", new String[] {"setBreakpoints",
            "{\"source\":{\"path\":\"steps.c\"},\"breakpoints\":[{\"line\":9,\"condition\":\"a0 == 1\"}]}"});
        REQUESTS.put("supportsHitConditionalBreakpoints", new String[] {"setBreakpoints",
            "{\"source\":{\"path\":\"steps.c\"},\"breakpoints\":[{\"line\":9,\"hitCondition\":\">= 2\"}]}"});
        REQUESTS.put("supportsLogPoints", new String[] {"setBreakpoints",
            "{\"source\":{\"path\":\"steps.c\"},\"breakpoints\":[{\"line\":9,\"logMessage\":\"x {a0}\"}]}"});
        REQUESTS.put("supportsInstructionBreakpoints", new String[] {"setInstructionBreakpoints",
            "{\"breakpoints\":[{\"instructionReference\":\"0x10000\"}]}"});
        REQUESTS.put("supportsDataBreakpoints", new String[] {"dataBreakpointInfo", "{\"name\":\"counter\"}"});
        REQUESTS.put("supportsCompletionsRequest", new String[] {"completions", "{\"text\":\"co\",\"column\":3}"});
        REQUESTS.put("supportsGotoTargetsRequest", new String[] {"gotoTargets",
            "{\"source\":{\"path\":\"steps.c\"},\"line\":9}"});
        REQUESTS.put("supportsBreakpointLocationsRequest", new String[] {"breakpointLocations",
            "{\"source\":{\"path\":\"steps.c\"},\"line\":1,\"endLine\":30}"});
        REQUESTS.put("supportsSetExpression", new String[] {"setExpression", "{\"expression\":\"t1\",\"value\":\"2\"}"});
        REQUESTS.put("supportsEvaluateForHovers", new String[] {"evaluate", "{\"expression\":\"pc\",\"context\":\"hover\"}"});
        REQUESTS.put("supportsModulesRequest", new String[] {"modules", "{}"});
        REQUESTS.put("supportsLoadedSourcesRequest", new String[] {"loadedSources", "{}"});
        REQUESTS.put("supportsExceptionInfoRequest", new String[] {"exceptionInfo", "{\"threadId\":THREAD}"});
        REQUESTS.put("supportsReadMemoryRequest", new String[] {"readMemory", "{\"memoryReference\":\"0x10000\",\"count\":4}"});
        REQUESTS.put("supportsWriteMemoryRequest", new String[] {"writeMemory", "{\"memoryReference\":\"0x10\",\"data\":\"\"}"});
        REQUESTS.put("supportsDisassembleRequest", new String[] {"disassemble",
            "{\"memoryReference\":\"0x10000\",\"instructionCount\":2}"});
        REQUESTS.put("supportsSteppingGranularity", new String[] {"stepIn", "{\"threadId\":THREAD,\"granularity\":\"instruction\"}"});
        REQUESTS.put("supportsSetVariable", new String[] {"setVariable",
            "{\"variablesReference\":1,\"name\":\"a0\",\"value\":\"1\"}"});
        REQUESTS.put("supportsRestartRequest", new String[] {"restart", "{}"});
        REQUESTS.put("supportsTerminateRequest", new String[] {"terminate", "{}"});
    }

    /** Capabilities that are options of requests listed above rather than requests. */
    private static final java.util.Set<String> OPTIONS = java.util.Set.of("supportTerminateDebuggee",
            "supportSuspendDebuggee", "supportsDelayedStackTraceLoading", "exceptionBreakpointFilters",
            "supportsDataBreakpointBytes");

    @Test
    void everyAdvertisedRequestIsServed() throws IOException {
        try (RawSession session = new RawSession()) {
            RawClient raw = session.raw;
            JsonObject capabilities = raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}"))
                    .getAsJsonObject("body");
            raw.response(raw.request("launch", "{\"program\":\"" + Guests.testGuest("steps") + "\",\"stopOnEntry\":true}"));
            int thread = raw.event("stopped").getAsJsonObject("body").get("threadId").getAsInt();
            raw.response(raw.request("stackTrace", "{\"threadId\":" + thread + "}"));
            raw.response(raw.request("scopes", "{\"frameId\":1}"));
            for (Map.Entry<String, JsonElement> capability : capabilities.entrySet()) {
                if (OPTIONS.contains(capability.getKey())) {
                    continue;
                }
                assertTrue(capability.getValue().getAsBoolean(), capability.getKey() + " is advertised false: leave it out");
                String[] request = REQUESTS.get(capability.getKey());
                assertTrue(request != null, capability.getKey() + " is advertised but no test exercises it");
                String arguments = request[1] == null ? null : request[1].replace("THREAD", Integer.toString(thread));
                JsonObject response = raw.response(raw.request(request[0], arguments));
                if (!response.get("success").getAsBoolean()) {
                    int id = response.getAsJsonObject("body").getAsJsonObject("error").get("id").getAsInt();
                    assertNotEquals(DapErrors.UNKNOWN_REQUEST, id, capability.getKey() + ": " + response);
                }
            }
        }
    }
}
