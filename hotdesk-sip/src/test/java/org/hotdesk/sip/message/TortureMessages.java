package org.hotdesk.sip.message;

import java.io.IOException;
import java.io.InputStream;

/**
 * The RFC 4475 torture messages as typed in under {@code src/test/resources/rfc4475}: the bytes of the files
 * are the messages, nothing is decoded. Loader taken from {@code org.hotdesk.sip.TortureMessagesTest#load}.
 */
final class TortureMessages {
    private TortureMessages() {
    }

    static byte[] load(String name) {
        try (InputStream in = TortureMessages.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) throw new AssertionError("no resource rfc4475/" + name + ".sip");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
