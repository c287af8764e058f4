package org.hotdesk.sip.message;

import java.nio.charset.StandardCharsets;

/** Builds test messages from text with LF line ends (turned into CRLF) and parses them. */
final class Messages {
    private Messages() {
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static SipMessage parse(String text) throws MalformedMessageException {
        byte[] data = crlf(text);
        return MessageParser.parse(data, 0, data.length);
    }

    static SipRequest request(String text) throws MalformedMessageException {
        return (SipRequest) parse(text);
    }

    static final String REGISTER = """
            REGISTER sip:acme.example SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1;rport
            Max-Forwards: 70
            From: "Desk 12" <sip:desk12@acme.example>;tag=a1
            To: <sip:desk12@acme.example>
            Call-ID: reg-1@192.0.2.10
            CSeq: 7 REGISTER
            Contact: <sip:desk12@192.0.2.10:5062;transport=udp>;expires=300
            Expires: 300
            Content-Length: 0

            """;
}
