package org.hotdesk.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.network.Peer;
import org.junit.jupiter.api.Test;

class TrustedEdgesTest {
    private static SipRequest request(String origin) {
        String text = "OPTIONS sip:acme.example SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@acme.example>;tag=1\r\nTo: <sip:a@acme.example>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\n"
                + (origin == null ? "" : "X-Hotdesk-Source: " + origin + "\r\n") + "Content-Length: 0\r\n\r\n";
        return parse(text);
    }

    private static SipRequest parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return (SipRequest) org.hotdesk.sip.message.MessageParser.parse(bytes, 0, bytes.length);
        } catch (org.hotdesk.sip.message.MalformedMessageException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTrustedEdgeNamesThePhoneAndAnyoneElseIsTakenAsItself() {
        TrustedEdges edges = TrustedEdges.of(List.of("10.0.0.5:5060", "10.0.0.6"));
        Peer edge = new Peer("10.0.0.5", 5060, "udp");

        assertThat(edges.origin(request("198.51.100.7:40000"), edge)).isEqualTo(new Peer("198.51.100.7", 40000, "udp"));
        assertThat(edges.origin(request("[2001:db8::7]:5062"), new Peer("10.0.0.6", 7000, "udp")))
                .isEqualTo(new Peer("2001:db8::7", 5062, "udp"));
        assertThat(edges.origin(request("sip:198.51.100.7:40000;transport=tcp"), edge)).as("Kamailio's $su")
                .isEqualTo(new Peer("198.51.100.7", 40000, "udp"));
        assertThat(edges.origin(request(null), edge)).as("no header").isEqualTo(edge);
        assertThat(edges.origin(request("not-an-address"), edge)).as("garbage").isEqualTo(edge);
        Peer otherPort = new Peer("10.0.0.5", 5070, "udp");
        assertThat(edges.origin(request("198.51.100.7:40000"), otherPort)).as("only the edge's port").isEqualTo(otherPort);
        Peer phone = new Peer("198.51.100.9", 5060, "udp");
        assertThat(edges.origin(request("198.51.100.7:40000"), phone)).isEqualTo(phone);
    }

    @Test
    void anEntryThatIsNotAnAddressIsNamed() {
        assertThatThrownBy(() -> TrustedEdges.of(List.of("10.0.0.5", "edge.example.com")))
                .hasMessageContaining("'edge.example.com'");
        assertThatThrownBy(() -> TrustedEdges.of(List.of("10.0.0.5:99999"))).hasMessageContaining("'10.0.0.5:99999'");
    }
}
