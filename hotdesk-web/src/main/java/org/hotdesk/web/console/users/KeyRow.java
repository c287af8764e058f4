package org.hotdesk.web.console.users;

import org.hotdesk.core.user.FunctionKey;

/**
 * One line of the function keys editor, as stored or as typed.
 *
 * @param type    {@code blf} or {@code speed-dial}, as the form sends it
 * @param problem what is wrong with this line in plain words, or null
 */
public record KeyRow(String type, String value, String label, String problem) {
    static final KeyRow BLANK = new KeyRow(FunctionKey.Type.BLF.id(), "", "", null);

    static KeyRow of(FunctionKey k) {
        // the label is stored as the number when none was given: shown empty again, as it was typed
        return new KeyRow(k.type().id(), k.value(), k.label().equals(k.value()) ? "" : k.label(), null);
    }

    public boolean isBlank() {
        return value.isBlank() && label.isBlank();
    }
}
