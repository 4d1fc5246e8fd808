package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A logpoint's message: text with {expression} parts evaluated at each hit ("{{" and "}}" stand
 * for braces), each expression parsed once when the breakpoint is set and shown in its radix
 * ({@link Expression.Radix}: registers and addresses in hex, plain integers in decimal).
 */
public final class LogMessage {

    private final List<Object> parts;

    private LogMessage(List<Object> parts) {
        this.parts = parts;
    }

    public static LogMessage parse(String template) {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                text.append(c);
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new SessionException(SessionException.EXPRESSION,
                            "log message '" + template + "': '{' at column " + (i + 1) + " has no '}'");
                }
                parts.add(text.toString());
                text.setLength(0);
                parts.add(Expression.parse(template.substring(i + 1, close)));
                i = close;
            } else {
                text.append(c);
            }
        }
        parts.add(text.toString());
        return new LogMessage(parts);
    }

    /** The message for this hit; an expression that fails shows its error in its place. */
    public String format(Expression.Context context) {
        StringBuilder message = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Expression expression) {
                try {
                    message.append(expression.format(context));
                } catch (SessionException e) {
                    message.append('<').append(e.getMessage()).append('>');
                }
            } else {
                message.append(part);
            }
        }
        return message.toString();
    }
}
