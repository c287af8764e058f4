package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotdesk.sip.message.Messages.REGISTER;
import static org.hotdesk.sip.message.Messages.request;

import org.junit.jupiter.api.Test;

class SipResponseTest {

    @Test
    void aResponseCopiesViasFromToCallIdCseqAndTimestamp() throws Exception {
        SipRequest r = request(REGISTER.replace("Max-Forwards: 70", "Via: SIP/2.0/UDP second.example, SIP/2.0/UDP third.example\n"
                + "Max-Forwards: 70\nTimestamp: 54.2\nRecord-Route: <sip:rr.example;lr>"));
        SipResponse ok = SipResponse.to(r, 200, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.reason()).isEqualTo("OK");
        assertThat(ok.vias()).extracting(Via::host).containsExactly("192.0.2.10", "second.example", "third.example");
        assertThat(ok.header("From")).isEqualTo(r.header("From"));
        assertThat(ok.header("To")).isEqualTo(r.header("To"));
        assertThat(ok.callId()).isEqualTo(r.callId());
        assertThat(ok.cseq()).isEqualTo(r.cseq());
        assertThat(ok.header("Timestamp")).isEqualTo("54.2");
        assertThat(ok.has("Record-Route")).isFalse();
        assertThat(ok.has("Contact")).isFalse();
        assertThat(ok.has("Max-Forwards")).isFalse();

        ok.set("To", ok.to().withTag("srv1").toString());
        assertThat(r.to().tag()).as("the request is untouched").isNull();
        assertThat(ok.toString()).startsWith("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1;rport\r\n")
                .contains("To: <sip:desk12@acme.example>;tag=srv1\r\n");
    }

    @Test
    void reasonPhrases() {
        assertThat(SipResponse.create(423, null).reason()).isEqualTo("Interval Too Brief");
        assertThat(SipResponse.create(299, null).reason()).isEqualTo("Unknown");
        assertThat(SipResponse.create(400, "Bad CSeq").reason()).isEqualTo("Bad CSeq");
        assertThat(StatusPhrases.of(439)).isEqualTo("First Hop Lacks Outbound Support");
        assertThatThrownBy(() -> SipResponse.create(700, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipResponse.create(200, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
