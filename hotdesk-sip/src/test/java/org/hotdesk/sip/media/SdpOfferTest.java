package org.hotdesk.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpOfferTest {
    static final String OFFER = "v=0\r\no=- 1 1 IN IP4 10.1.2.3\r\ns=-\r\nc=IN IP4 10.1.2.3\r\nt=0 0\r\n"
            + "m=audio 40002 RTP/AVP 9 8 0 96\r\na=rtpmap:9 G722/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n";

    @Test
    void thePhonesFirstG711IsChosenAndItsTelephoneEventTypeKept() {
        SdpOffer offer = SdpOffer.parse(OFFER).orElseThrow();

        assertThat(offer.address()).isEqualTo("10.1.2.3");
        assertThat(offer.port()).isEqualTo(40002);
        assertThat(offer.codec()).contains(Codec.PCMA);
        assertThat(offer.telephoneEvent()).isEqualTo(96);

        String answer = offer.answer("192.0.2.1", 20002, Codec.PCMA, 7);
        assertThat(answer).contains("c=IN IP4 192.0.2.1", "m=audio 20002 RTP/AVP 8 96", "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:96 telephone-event/8000");
    }

    @Test
    void anOfferWithoutG711OrWithoutAudioIsUnusable() {
        assertThat(SdpOffer.parse(OFFER.replace("9 8 0 96", "9 96")).orElseThrow().codec()).isEmpty();
        assertThat(SdpOffer.parse("v=0\r\nc=IN IP4 10.1.2.3\r\nm=video 5000 RTP/AVP 96\r\n")).isEmpty();
        assertThat(SdpOffer.parse("v=0\r\nm=audio banana RTP/AVP 0\r\n")).isEmpty();
        assertThat(SdpOffer.parse(null)).isEmpty();
    }

    @Test
    void promptsComeInBothCodecs() {
        Prompts en = new Prompts("en");
        byte[] ulaw = en.get("goodbye", Codec.PCMU);
        byte[] alaw = en.get("goodbye", Codec.PCMA);
        assertThat(ulaw).hasSameSizeAs(alaw).isNotEqualTo(alaw);
        assertThat(ulaw.length).isGreaterThan(4000); // at least half a second at 8 kHz
    }
}
