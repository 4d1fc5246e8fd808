package dev.faultline.dap.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a breakpoint's hit count lets it stop: "N" or "== N" on the Nth hit, "> N", ">= N", "< N",
 * "<= N" while the count compares so, "% N" on every Nth hit. Hits count the times the breakpoint
 * was reached with its condition true.
 */
public record HitCondition(String operator, long count) {

    private static final Pattern FORM = Pattern.compile("\\s*(==|>=|<=|>|<|%)?\\s*(\\d+)\\s*");

    public static HitCondition parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new SessionException(SessionException.EXPRESSION, "hit condition '" + text
                    + "': expected a count, optionally after ==, >, >=, <, <= or % (as in '>= 3' or '% 2')");
        }
        String operator = matcher.group(1) == null ? "==" : matcher.group(1);
        long count = Long.parseLong(matcher.group(2));
        if (operator.equals("%") && count == 0) {
            throw new SessionException(SessionException.EXPRESSION, "hit condition '" + text + "': % needs a count above 0");
        }
        return new HitCondition(operator, count);
    }

    public boolean allows(long hits) {
        return switch (operator) {
            case "==" -> hits == count;
            case ">" -> hits > count;
            case ">=" -> hits >= count;
            case "<" -> hits < count;
            case "<=" -> hits <= count;
            default -> hits % count == 0;
        };
    }
}
