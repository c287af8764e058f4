package org.hotdesk.sip.network;

import java.nio.charset.StandardCharsets;

/** SIP messages for the tests: only their framing matters here. */
final class Messages {
    private Messages() {
    }

    static String options(String callId) {
        return options(callId, "");
    }

    static String options(String callId, String body) {
        return "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:test@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.US_ASCII).length + "\r\n\r\n" + body;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
