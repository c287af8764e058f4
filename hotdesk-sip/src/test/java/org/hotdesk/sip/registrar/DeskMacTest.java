package org.hotdesk.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.device.MacAddress;
import org.junit.jupiter.api.Test;

/** How a phone-key REGISTER names its desk: what phones really write in +sip.instance and User-Agent. */
class DeskMacTest {

    @Test
    void macInTheInstanceIdAsYealinkPolyAndSnomWriteIt() {
        assertThat(PhoneKeyLogins.macIn("<urn:uuid:00000000-0000-1000-8000-805EC0A1B2C3>"))
                .contains(MacAddress.parse("80:5e:c0:a1:b2:c3"));
        assertThat(PhoneKeyLogins.macIn("\"<urn:uuid:00000000-0000-1000-8000-000413aabbcc>\""))
                .contains(MacAddress.parse("000413aabbcc"));
    }

    @Test
    void macInTheUserAgentAsCiscoAndGrandstreamWriteIt() {
        assertThat(PhoneKeyLogins.macIn("Cisco/SPA504G-7.6.2c (0012AB34CD56)")).contains(MacAddress.parse("0012ab34cd56"));
        assertThat(PhoneKeyLogins.macIn("Grandstream GXP2170 1.0.11.6 00:0b:82:12:34:56"))
                .contains(MacAddress.parse("000b82123456"));
    }

    @Test
    void noMacNoGuess() {
        assertThat(PhoneKeyLogins.macIn("Yealink SIP-T54W 96.86.0.100")).isEmpty();
        assertThat(PhoneKeyLogins.macIn("<urn:uuid:6f1c2d3e-1111-4abc-9def-0123456789zz>")).isEmpty();
        assertThat(PhoneKeyLogins.macIn("baresip v3.0.0 (x86_64/linux)")).isEmpty();
    }
}
