package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The typed header values: Via, SipUri, NameAddr, CSeq, AuthHeader, Params. */
class HeaderValuesTest {

    @Test
    void viaWithIpv6HostRportAndReceived() {
        Via v = Via.parse("SIP/2.0/tcp [2001:db8::1]:5061;branch=z9hG4bK-6;rport=40123;received=2001:db8::2");
        assertThat(v.protocol()).isEqualTo("SIP/2.0");
        assertThat(v.transport()).isEqualTo("TCP");
        assertThat(v.host()).isEqualTo("[2001:db8::1]");
        assertThat(v.port()).isEqualTo(5061);
        assertThat(v.branch()).isEqualTo("z9hG4bK-6");
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEqualTo(40123);
        assertThat(v.received()).isEqualTo("2001:db8::2");
        assertThat(v.toString()).isEqualTo("SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bK-6;rport=40123;received=2001:db8::2");
    }

    @Test
    void viaRportFlagIsFilledInByWith() {
        Via v = Via.parse("SIP/2.0/UDP 192.0.2.10;rport;branch=z9hG4bK-1");
        assertThat(v.port()).isEqualTo(-1);
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEqualTo(-1);
        Via answered = v.with("rport", "5062").with("received", "198.51.100.7");
        assertThat(answered.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.10;rport=5062;branch=z9hG4bK-1;received=198.51.100.7");
        assertThat(Via.parse("SIP/2.0/UDP h;branch=z9hG4bK").hasRport()).isFalse();
    }

    @Test
    void badViasNameWhatIsWrong() {
        assertThatThrownBy(() -> Via.parse("SIP/2.0 host")).isInstanceOf(MalformedHeaderException.class).hasMessageContaining("transport");
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP")).hasMessageContaining("whitespace before the sent-by host");
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP h:99999")).hasMessageContaining("port 99999");
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP h;branch=")).hasMessageContaining("branch has an empty value");
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP h;;")).hasMessageContaining("parameter name");
    }

    @Test
    void sipUriComponentsAndPercentDecoding() {
        SipUri u = SipUri.parse("sips:00*123%23:secret@Pbx.Example:5061;transport=TLS;lr;maddr=239.0.0.1?Subject=hi&Priority=urgent");
        assertThat(u.scheme()).isEqualTo("sips");
        assertThat(u.user()).isEqualTo("00*123%23");
        assertThat(u.decodedUser()).isEqualTo("00*123#");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("Pbx.Example");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).isEqualTo("tls");
        assertThat(u.looseRoute()).isTrue();
        assertThat(u.params().get("MADDR")).isEqualTo("239.0.0.1");
        assertThat(u.headers()).isEqualTo("Subject=hi&Priority=urgent");
        assertThat(u.toString()).isEqualTo("sips:00*123%23:secret@Pbx.Example:5061;transport=TLS;lr;maddr=239.0.0.1?Subject=hi&Priority=urgent");
        assertThat(SipUri.parse("sip:%E2%82%AC@h").decodedUser()).isEqualTo("\u20ac");
    }

    @Test
    void sipUriBuildersAndOtherSchemes() {
        SipUri u = SipUri.sip("desk12", "acme.example", -1).withParam("transport", "tcp").withHost("[2001:db8::5]", 5070);
        assertThat(u.toString()).isEqualTo("sip:desk12@[2001:db8::5]:5070;transport=tcp");
        assertThat(SipUri.parse(u.toString())).isEqualTo(u);
        assertThat(u.withUser("other").user()).isEqualTo("other");
        SipUri tel = SipUri.parse("tel:+1-201-555-0123;phone-context=example.com");
        assertThat(tel.isSip()).isFalse();
        assertThat(tel.opaque()).isEqualTo("+1-201-555-0123;phone-context=example.com");
        assertThat(tel.toString()).isEqualTo("tel:+1-201-555-0123;phone-context=example.com");
    }

    @Test
    void badUrisNameWhatIsWrong() {
        assertThatThrownBy(() -> SipUri.parse("acme.example")).isInstanceOf(MalformedHeaderException.class).hasMessageContaining("no URI scheme");
        assertThatThrownBy(() -> SipUri.parse("sip:a b@h")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> SipUri.parse("sip:@h")).hasMessageContaining("empty user");
        assertThatThrownBy(() -> SipUri.parse("sip:a%2@h")).hasMessageContaining("%-escape");
        assertThatThrownBy(() -> SipUri.parse("sip:a@")).hasMessageContaining("no host");
        assertThatThrownBy(() -> SipUri.parse("sip:a@h:x")).hasMessageContaining("port");
        assertThatThrownBy(() -> SipUri.parse("sip:a@h;;lr")).hasMessageContaining("empty URI parameter name");
    }

    @Test
    void nameAddrWithoutBracketsTakesSemicolonsAsHeaderParams() {
        NameAddr n = NameAddr.parse("sip:a@b;tag=x");
        assertThat(n.uriText()).isEqualTo("sip:a@b");
        assertThat(n.tag()).isEqualTo("x");
        assertThat(n.uri().params().isEmpty()).isTrue();
        assertThat(n.toString()).isEqualTo("<sip:a@b>;tag=x");
        assertThat(NameAddr.parse(n.toString())).isEqualTo(n);
    }

    @Test
    void nameAddrWithBracketsKeepsUriParamsInside() {
        NameAddr n = NameAddr.parse("\"Desk \\\"12\\\"\" <sip:desk12@acme.example;transport=tcp>;tag=9;+sip.instance=\"<urn:uuid:1>\"");
        assertThat(n.displayName()).isEqualTo("\"Desk \\\"12\\\"\"");
        assertThat(n.displayText()).isEqualTo("Desk \"12\"");
        assertThat(n.uri().transportParam()).isEqualTo("tcp");
        assertThat(n.tag()).isEqualTo("9");
        assertThat(n.params().get("+sip.instance")).isEqualTo("\"<urn:uuid:1>\"");
        assertThat(n.withTag("10").toString())
                .isEqualTo("\"Desk \\\"12\\\"\" <sip:desk12@acme.example;transport=tcp>;tag=10;+sip.instance=\"<urn:uuid:1>\"");
        assertThat(NameAddr.parse("Desk Twelve <sip:d@h>").displayName()).isEqualTo("Desk Twelve");
        assertThat(NameAddr.of(SipUri.sip("a", "h", -1)).toString()).isEqualTo("<sip:a@h>");
    }

    @Test
    void badNameAddrsNameWhatIsWrong() {
        assertThatThrownBy(() -> NameAddr.parse("\"open <sip:a@b>")).isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> NameAddr.parse("Smith, J <sip:a@b>")).hasMessageContaining("must be quoted");
        assertThatThrownBy(() -> NameAddr.parse("< sip:a@b >")).hasMessageContaining("inside <>");
        assertThatThrownBy(() -> NameAddr.parse("sip:a@b?Subject=x")).hasMessageContaining("enclosed in <>");
        assertThatCode(() -> NameAddr.parse("<sip:a@b>;tag")).doesNotThrowAnyException();
        assertThatThrownBy(() -> NameAddr.parse("<sip:a@b> junk")).hasMessageContaining("';' before a parameter");
        assertThatThrownBy(() -> NameAddr.parse("hello")).hasMessageContaining("not a URI");
    }

    @Test
    void cseqParsing() {
        assertThat(CSeq.parse(" 0009\t INVITE ")).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(CSeq.parse("2147483647 ACK").number()).isEqualTo(2147483647L);
        assertThatThrownBy(() -> CSeq.parse("2147483648 ACK")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CSeq.parse("1INVITE")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> CSeq.parse("1 INVITE x")).hasMessageContaining("after the method");
    }

    @Test
    void authHeaderKeepsCommasInsideQuotes() {
        AuthHeader a = AuthHeader.parse("Digest username=\"desk12\", realm=\"acme, inc\",nonce=\"abc\\\"def\", "
                + "uri=\"sip:acme.example\", response=\"0123\", qop=auth, nc=00000001, cnonce=\"x\", algorithm=MD5");
        assertThat(a.scheme()).isEqualTo("Digest");
        assertThat(a.get("realm")).isEqualTo("acme, inc");
        assertThat(a.get("NONCE")).isEqualTo("abc\"def");
        assertThat(a.get("qop")).isEqualTo("auth");
        assertThat(a.get("nc")).isEqualTo("00000001");
        assertThat(a.params()).hasSize(9);
        assertThatThrownBy(() -> AuthHeader.parse("Digest realm=\"a\" nonce=\"b\"")).hasMessageContaining("','");
        assertThatThrownBy(() -> AuthHeader.parse("Digest realm=\"a")).hasMessageContaining("unterminated");
    }

    @Test
    void paramsAreOrderedAndCaseInsensitive() {
        Params p = Params.EMPTY.with("Branch", "z9hG4bK1").with("rport", null).with("branch", "z9hG4bK2");
        assertThat(p.toString()).isEqualTo(";Branch=z9hG4bK2;rport");
        assertThat(p.get("BRANCH")).isEqualTo("z9hG4bK2");
        assertThat(p.has("rport")).isTrue();
        assertThat(p.get("rport")).isNull();
        assertThat(p.without("RPORT").toString()).isEqualTo(";Branch=z9hG4bK2");
        assertThat(p.asMap()).containsEntry("rport", null).containsKeys("Branch");
        assertThatThrownBy(() -> p.with("a b", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
