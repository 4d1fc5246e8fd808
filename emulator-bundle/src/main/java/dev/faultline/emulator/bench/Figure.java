package dev.faultline.emulator.bench;

import java.util.Locale;

/** One benchmark figure, printed as `name: value unit`. */
public record Figure(String name, double value, String unit) {

    @Override
    public String toString() {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        return name + ": " + number + " " + unit;
    }
}
