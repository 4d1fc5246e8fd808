package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** Attaching over TCP to a machine that runs, detaching and attaching again, and the one-client rule. */
class AttachTest extends ServerFixture {

    private int attachAndPause(TestClient attaching) {
        attaching.initialize();
        await(attaching.server().attach(Map.of("type", "faultline", "request", "attach")));
        await(attaching.server().configurationDone(null));
        int thread = await(attaching.server().threads()).getThreads()[0].getId();
        PauseArguments pause = new PauseArguments();
        pause.setThreadId(thread);
        await(attaching.server().pause(pause));
        StoppedEventArguments stopped = attaching.stopped();
        assertEquals("pause", stopped.getReason());
        return stopped.getThreadId();
    }

    @Test
    void attachingLeavesARunningMachineRunningUntilPaused() throws Exception {
        host.bootAndRun(Guests.testGuest("spin"));
        client.initialize();
        await(client.server().attach(Map.of("type", "faultline")));
        await(client.server().configurationDone(null));
        long first = host.machine().call(d -> d.machine().kernel().now());
        Thread.sleep(100);
        assertTrue(host.machine().call(d -> d.machine().kernel().now()) > first, "the machine runs on while attached");
        assertTrue(client.history().stream().noneMatch(event -> event.name().equals("stopped")), "attaching stopped nothing");
    }

    @Test
    void aDetachedMachineRunsOnForTheNextClient() throws IOException {
        host.bootAndRun(Guests.testGuest("spin"));
        int thread = attachAndPause(client);
        long ticks = evaluate("ticks");
        assertTrue(ticks > 0);
        DisconnectArguments detach = new DisconnectArguments();
        detach.setTerminateDebuggee(false);
        await(client.server().disconnect(detach));
        client.close();
        TestClient next = connect();
        assertEquals(thread, attachAndPause(next));
        client = next;
        assertTrue(evaluate("ticks") > ticks, "it ran while no client was attached");
    }

    @Test
    void aMachineLeftStoppedIsAnnouncedOnceToTheNextClient() throws IOException {
        host.bootAndRun(Guests.testGuest("spin"));
        int thread = attachAndPause(client);
        DisconnectArguments detach = new DisconnectArguments();
        detach.setTerminateDebuggee(false);
        detach.setSuspendDebuggee(true);
        await(client.server().disconnect(detach));
        client.close();
        TestClient next = connect();
        client = next;
        next.initialize();
        await(next.server().attach(Map.of("type", "faultline", "request", "attach")));
        await(next.server().configurationDone(null));
        StoppedEventArguments stopped = next.stopped();
        assertEquals("pause", stopped.getReason(), "the stop it stands at, not a new one");
        assertEquals(thread, stopped.getThreadId());
        await(next.server().threads()); // answered after any event the attach caused
        assertEquals(1, next.history().stream().filter(event -> event.name().equals("stopped")).count(),
                "one stopped event for the one stop");
    }

    @Test
    void aSecondClientIsRefusedWhileOneControlsTheMachine() throws IOException {
        host.bootAndRun(Guests.testGuest("spin"));
        attachAndPause(client);
        TestClient second = connect();
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setAdapterID("faultline");
        ResponseErrorException refused = assertThrows(ResponseErrorException.class,
                () -> await(second.server().initialize(arguments)));
        assertTrue(refused.getMessage().contains("another client controls this machine"), refused.getMessage());
        assertTrue(evaluate("ticks") > 0, "the first client keeps the machine");
    }

    @Test
    void aLaunchWhileAMachineRunsIsRefusedWithAnError() {
        host.bootAndRun(Guests.testGuest("spin"));
        client.initialize();
        ResponseErrorException refused = assertThrows(ResponseErrorException.class,
                () -> client.launch(Guests.testGuest("steps"), false));
        assertTrue(refused.getMessage().contains("attach"), refused.getMessage());
    }

    @Test
    void aSecondClientCannotAttachWithoutInitializeEither() throws IOException {
        host.bootAndRun(Guests.testGuest("spin"));
        attachAndPause(client);
        TestClient second = connect();
        ResponseErrorException refused = assertThrows(ResponseErrorException.class,
                () -> await(second.server().attach(Map.of("type", "faultline"))));
        assertTrue(refused.getMessage().contains("another client controls this machine"), refused.getMessage());
    }
}
