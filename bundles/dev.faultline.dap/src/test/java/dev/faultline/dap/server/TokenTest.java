package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** A listener started with --token lets only the clients that present it attach. */
class TokenTest extends ServerFixture {

    @Override
    protected String token() {
        return "s3cret";
    }

    @Test
    void anAttachWithoutTheTokenIsRefusedAndOneWithItAccepted() {
        host.bootAndRun(Guests.testGuest("spin"));
        client.initialize();
        ResponseErrorException refused = assertThrows(ResponseErrorException.class,
                () -> await(client.server().attach(Map.of("type", "faultline"))));
        assertTrue(refused.getMessage().contains("needs a token"), refused.getMessage());
        ResponseErrorException wrong = assertThrows(ResponseErrorException.class,
                () -> await(client.server().attach(Map.of("token", "guess"))));
        assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
        await(client.server().attach(Map.of("token", "s3cret")));
        assertTrue(await(client.server().threads()).getThreads().length == 1);
    }
}
