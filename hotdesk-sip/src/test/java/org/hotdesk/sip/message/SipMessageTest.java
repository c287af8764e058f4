package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotdesk.sip.message.Messages.REGISTER;
import static org.hotdesk.sip.message.Messages.request;

import org.junit.jupiter.api.Test;

class SipMessageTest {

    @Test
    void listHeadersSplitAtTopLevelCommasOnly() throws Exception {
        SipRequest r = request(REGISTER.replace("Contact: <sip:desk12@192.0.2.10:5062;transport=udp>;expires=300",
                "Contact: \"Smith, J\" <sip:a@h;x=1,2>;q=0.5, <sip:b@h>\nContact: sip:c@h;expires=10\nAllow: INVITE,ACK , BYE"));
        assertThat(r.headers("Contact")).containsExactly("\"Smith, J\" <sip:a@h;x=1,2>;q=0.5", "<sip:b@h>", "sip:c@h;expires=10");
        assertThat(r.contacts()).extracting(NameAddr::uriText).containsExactly("sip:a@h;x=1,2", "sip:b@h", "sip:c@h");
        assertThat(r.headers("Allow")).containsExactly("INVITE", "ACK", "BYE");
        assertThat(r.headers("Call-ID")).as("not a list header").containsExactly("reg-1@192.0.2.10");
    }

    @Test
    void aContactWildcardIsOneValue() throws Exception {
        SipRequest r = request(REGISTER.replace("Contact: <sip:desk12@192.0.2.10:5062;transport=udp>;expires=300", "Contact: *")
                .replace("Expires: 300", "Expires: 0"));
        assertThat(r.headers("Contact")).containsExactly("*");
        assertThat(r.contacts()).singleElement().satisfies(c -> assertThat(c.isWildcard()).isTrue());
    }

    @Test
    void removeFirstSplitsACombinedViaLine() throws Exception {
        SipRequest r = request(REGISTER.replace("Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1;rport",
                "Via: SIP/2.0/UDP proxy.example;branch=z9hG4bK-p, SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1\nVia: SIP/2.0/TCP last.example"));
        assertThat(r.topVia().host()).isEqualTo("proxy.example");
        assertThat(r.removeFirst("Via")).isTrue();
        assertThat(r.topVia().host()).as("the cache was dropped").isEqualTo("192.0.2.10");
        assertThat(r.headers("Via")).hasSize(2);
        assertThat(r.header("Via")).isEqualTo("SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1");
        assertThat(r.removeFirst("v")).isTrue();
        assertThat(r.removeFirst("Via")).isTrue();
        assertThat(r.removeFirst("Via")).isFalse();
        assertThat(r.topVia()).isNull();
        assertThat(r.vias()).isEmpty();
    }

    @Test
    void addSetAndRemoveKeepOrderAndDropCaches() throws Exception {
        SipRequest r = request(REGISTER);
        assertThat(r.vias()).hasSize(1);
        r.addFirst("Via", "SIP/2.0/TCP me.example;branch=z9hG4bK-me");
        assertThat(r.headerName(0)).isEqualTo("Via");
        assertThat(r.vias()).extracting(Via::host).containsExactly("me.example", "192.0.2.10");
        r.addFirst("Record-Route", "<sip:me.example;lr>");
        r.addFirst("Record-Route", "<sip:me2.example;lr>");
        assertThat(r.recordRoutes()).extracting(NameAddr::uriText).containsExactly("sip:me2.example;lr", "sip:me.example;lr");
        r.addLast("X-Note", "a");
        r.addLast("x-note", "b");
        assertThat(r.headers("X-NOTE")).containsExactly("a", "b");
        r.set("X-Note", "c");
        assertThat(r.headers("X-Note")).containsExactly("c");
        assertThat(r.removeAll("x-note")).isEqualTo(1);
        assertThat(r.has("X-Note")).isFalse();
        assertThat(r.cseq().number()).isEqualTo(7);
        r.set("CSeq", "8 REGISTER");
        assertThat(r.cseq().number()).isEqualTo(8);
        r.set("To", "<sip:desk12@acme.example>;tag=t9");
        assertThat(r.inDialog()).isTrue();
    }

    @Test
    void badNamesAndLineBreaksInValuesAreRefused() throws Exception {
        SipRequest r = request(REGISTER);
        assertThatThrownBy(() -> r.addLast("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> r.set("Subject", "a\r\nVia: evil")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void aMalformedHeaderReadLaterNamesTheHeader() throws Exception {
        SipRequest r = request(REGISTER);
        r.addLast("Route", "<sip:a@b");
        assertThatThrownBy(r::routes).isInstanceOf(MalformedHeaderException.class)
                .satisfies(e -> assertThat(((MalformedHeaderException) e).header()).isEqualTo("Route"))
                .hasMessageContaining("missing '>'");
    }

    @Test
    void aCopyIsIndependent() throws Exception {
        SipRequest r = request(REGISTER);
        r.setBody("text/plain", new byte[] {1, 2});
        SipRequest copy = r.copy();
        copy.removeFirst("Via");
        copy.body()[0] = 9;
        copy.setRequestUri(SipUri.sip("x", "elsewhere.example", 5070));
        assertThat(r.topVia()).isNotNull();
        assertThat(r.body()).containsExactly(1, 2);
        assertThat(r.requestUriText()).isEqualTo("sip:acme.example");
        assertThat(copy.toString()).startsWith("REGISTER sip:x@elsewhere.example:5070 SIP/2.0\r\n");
    }

    @Test
    void setBodyWithoutContentTypeRemovesIt() throws Exception {
        SipRequest r = request(REGISTER);
        r.setBody("application/sdp", new byte[3]);
        r.setBody(null, null);
        assertThat(r.contentType()).isNull();
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void aBuiltRequestIsWritten() {
        SipRequest r = SipRequest.create("OPTIONS", SipUri.sip("desk12", "192.0.2.10", 5062));
        r.addLast("Via", new Via("SIP/2.0", "UDP", "192.0.2.1", 5060, Params.EMPTY).with("branch", "z9hG4bK-o").with("rport", null).toString());
        r.addLast("CSeq", new CSeq(1, "OPTIONS").toString());
        assertThat(r.toString()).isEqualTo("OPTIONS sip:desk12@192.0.2.10:5062 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-o;rport\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    }
}
