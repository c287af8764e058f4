package org.hotdesk.core.user;

import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/** The format rules for extensions and hot-desk PINs, shared by every way they are entered. */
public final class Pins {
    private static final Pattern PIN = Pattern.compile("[0-9]{4,12}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,15}");

    private Pins() {
    }

    /** A PIN is 4 to 12 digits, since phones and IVRs can only send digits. */
    public static void requireValidPin(String pin) {
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw new InvalidInputException("pin", "must be 4 to 12 digits");
        }
    }

    public static String requireExtension(String extension) {
        if (extension == null || !EXTENSION.matcher(extension.trim()).matches()) {
            throw new InvalidInputException("extension", "must be 2 to 15 digits, was '" + extension + "'");
        }
        return extension.trim();
    }

    public static boolean isExtension(String s) {
        return s != null && EXTENSION.matcher(s).matches();
    }
}
