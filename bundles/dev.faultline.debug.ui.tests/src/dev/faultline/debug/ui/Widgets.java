package dev.faultline.debug.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Finds the widgets of a dialog or tab as a user sees them (by their labels) and works them as a user does. */
public final class Widgets {

    private Widgets() {
    }

    /** Every control of type under root, in the order of the widget tree (depth first). */
    public static <T extends Control> List<T> all(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }

    /** The control of type right after the label whose text is label, among the label's siblings. */
    public static <T extends Control> T after(Control root, String label, Class<T> type) {
        for (Label each : all(root, Label.class)) {
            if (each.getText().equals(label)) {
                Control[] siblings = each.getParent().getChildren();
                for (int i = 0; i + 1 < siblings.length; i++) {
                    if (siblings[i] == each && type.isInstance(siblings[i + 1])) {
                        return type.cast(siblings[i + 1]);
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " after a label '" + label + "'");
    }

    /** The push button showing text. */
    public static Button button(Control root, String text) {
        return all(root, Button.class).stream().filter(button -> button.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    /** Replaces a field's text, which fires its modify listeners as typing does. */
    public static void type(Text field, String text) {
        field.setFocus();
        field.setText(text);
    }

    /** Chooses item of a read-only combo and tells its listeners, as a click in its list does. */
    public static void choose(Combo combo, String item) {
        int index = combo.indexOf(item);
        if (index < 0) {
            throw new AssertionError("the list has no '" + item + "': " + List.of(combo.getItems()));
        }
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /** Presses a button: its selection listeners run as after a click. */
    public static void press(Button button) {
        if (!button.isEnabled()) {
            throw new AssertionError("the button '" + button.getText() + "' is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }
}
