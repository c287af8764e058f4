package org.hotdesk.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a message as it goes on the wire (RFC 3261 §7): start line, {@code Name: value} lines, CRLF line
 * ends, then Content-Length computed from the body, last, so it is always right whatever was changed
 * (§18.3: on a stream it is what frames the message). Text is UTF-8.
 */
final class MessageWriter {
    private MessageWriter() {
    }

    static byte[] write(SipMessage message) {
        HeaderLines lines = message.lines;
        byte[] body = message.body();
        StringBuilder sb = new StringBuilder(64 + lines.size() * 48);
        message.appendStartLine(sb);
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.name(i);
            if (name.equals("Content-Length")) continue;
            sb.append(name).append(": ").append(lines.value(i)).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) return head;
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }
}
