package org.hotdesk.sip.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The number a phone dialled: the Request-URI user part with %-escapes undone ({@code 00*123456%23} → {@code 00*123456#}). */
public final class DialString {
    private DialString() {
    }

    public static String decode(String user) {
        if (user == null || user.indexOf('%') < 0) return user;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '%' && i + 2 < user.length() && isHex(user.charAt(i + 1)) && isHex(user.charAt(i + 2))) {
                out.write(Integer.parseInt(user.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
