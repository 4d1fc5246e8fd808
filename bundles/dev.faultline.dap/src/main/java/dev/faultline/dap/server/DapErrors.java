package dev.faultline.dap.server;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

import dev.faultline.dap.session.SessionException;

/**
 * Error responses as DAP wants them: success false, a message, and body.error, a Message with a
 * number and a text for the user. lsp4j puts a ResponseError's data into the body.
 */
public final class DapErrors {

    /** Numbers for errors the protocol layer finds (the machine's are in SessionException). */
    public static final int UNKNOWN_REQUEST = 2001;
    public static final int INTERNAL = 2002;

    private DapErrors() {
    }

    /** An error response for a request the session refuses. */
    public static ResponseErrorException error(int code, String message) {
        return new ResponseErrorException(responseError(code, message));
    }

    /** An error response carrying a ResponseError already made. */
    public static ResponseErrorException error(ResponseError error) {
        return new ResponseErrorException(error);
    }

    /** lsp4j's exception handler: any failure of a request becomes an error response with body.error. */
    public static ResponseError fromThrowable(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof InvocationTargetException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ResponseErrorException response) {
            return response.getResponseError();
        }
        if (cause instanceof SessionException session) {
            return responseError(session.code(), session.getMessage());
        }
        if (cause instanceof UnsupportedOperationException) {
            return responseError(UNKNOWN_REQUEST, "this request is not supported by the Faultline debug adapter");
        }
        return responseError(INTERNAL, "internal error in the Faultline debug adapter: " + cause);
    }

    /** Gives an error response that lsp4j made without a body (an unknown command, bad JSON) its body.error. */
    public static void completeBody(ResponseMessage response) {
        ResponseError error = response.getError();
        if (error != null && error.getData() == null) {
            int code = error.getCode() == ResponseErrorCode.MethodNotFound.getValue() ? UNKNOWN_REQUEST : INTERNAL;
            error.setData(body(code, error.getMessage()));
        }
    }

    private static ResponseError responseError(int code, String message) {
        return new ResponseError(ResponseErrorCode.InvalidRequest, message, body(code, message));
    }

    private static Map<String, Object> body(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", code);
        error.put("format", message);
        error.put("showUser", true);
        return Map.of("error", error);
    }
}
