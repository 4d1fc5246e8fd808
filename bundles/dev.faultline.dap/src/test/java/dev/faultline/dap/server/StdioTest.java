package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

/** `faultline debug PROGRAM` over stdio, in a process of its own: only protocol on stdout, the console as output events. */
class StdioTest {

    @Test
    void aClientOnStdioLaunchesTheNamedProgramAndHearsItsConsole() throws IOException, InterruptedException {
        Path program = Guests.testGuest("steps");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process adapter = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.faultline.dap.cli.Main", "debug", program.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            RawClient raw = new RawClient(adapter.getInputStream(), adapter.getOutputStream());
            assertTrue(raw.response(raw.request("initialize", "{\"adapterID\":\"faultline\"}")).get("success").getAsBoolean());
            JsonObject launch = raw.response(raw.request("launch", "{\"stopOnEntry\": false}"));
            assertTrue(launch.get("success").getAsBoolean(), launch.toString());
            raw.response(raw.request("configurationDone", null));
            JsonObject output = raw.event("output");
            assertEquals("stdout", output.getAsJsonObject("body").get("category").getAsString());
            assertEquals("sum of squares: 30\n", output.getAsJsonObject("body").get("output").getAsString());
            assertEquals(125, raw.event("exited").getAsJsonObject("body").get("exitCode").getAsInt());
            raw.event("terminated");
            raw.response(raw.request("disconnect", "{}"));
            adapter.getOutputStream().close();
            assertTrue(adapter.waitFor(30, TimeUnit.SECONDS), "the adapter ends when its client closes stdin");
            assertEquals(0, adapter.exitValue());
        } finally {
            adapter.destroyForcibly();
        }
    }
}
