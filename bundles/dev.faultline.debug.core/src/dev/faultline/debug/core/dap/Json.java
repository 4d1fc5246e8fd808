package dev.faultline.debug.core.dap;

import java.util.List;
import java.util.Map;

/**
 * Reading the answers of Faultline's own requests, which arrive as gson's untyped maps: numbers
 * as doubles, objects as maps, arrays as lists. A missing field reads as empty, never as an error,
 * so a view shows what the adapter sent.
 */
public final class Json {

    private Json() {
    }

    public static String string(Map<?, ?> object, String key) {
        Object value = object == null ? null : object.get(key);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Long.toString(number.longValue());
        }
        return value == null ? "" : value.toString();
    }

    /** "0x00000000000108fc" as "0x108fc": a table of message words reads at a glance; anything else unchanged. */
    public static String compactHex(String text) {
        if (text.startsWith("0x") && text.length() > 3) {
            String digits = text.substring(2).replaceFirst("^0+(?=.)", "");
            return "0x" + digits;
        }
        return text;
    }

    public static long number(Map<?, ?> object, String key) {
        Object value = object == null ? null : object.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }

    public static boolean flag(Map<?, ?> object, String key) {
        return object != null && Boolean.TRUE.equals(object.get(key));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<?, ?> object, String key) {
        Object value = object == null ? null : object.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<?, ?> object, String key) {
        Object value = object == null ? null : object.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
