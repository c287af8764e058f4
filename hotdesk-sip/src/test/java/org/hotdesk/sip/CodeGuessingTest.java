package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.Test;

/**
 * Guessing one-time codes by dialling them is counted against the address like wrong passwords, so the same
 * limiter covers the dial-string and voice-menu logins (with a small allowance here to keep the test short).
 */
class CodeGuessingTest extends SipTestBase {

    @Override
    SourceLimits sourceLimits() {
        return new SourceLimits(4, 60, 15);
    }

    @Test
    void wrongOneTimeCodesDialledFromADeskGetItsAddressBlocked() {
        Device desk = hd.device(acme);
        TestPhone phone = new TestPhone("127.0.0.4", server.port(), desk.sipUsername(), desk.sipPassword(),
                acme.domain(), "Yealink SIP-T54W 96.86.0.100");
        phones.add(phone);
        assertThat(phone.register(300).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(phone.dial("00*11111" + i + "#").status()).as("guess %d", i).isEqualTo(403);
        }

        String callId = UUID.randomUUID().toString();
        phone.send(phone.registerText(callId, 300, null));
        assertThat(phone.receives(m -> m.isResponse() && m.callId().equals(callId), Duration.ofSeconds(3)))
                .as("after 4 wrong codes the address gets no answer").isFalse();
        assertThat(deskPhone(hd.device(acme)).register(300).status()).as("a desk elsewhere").isEqualTo(200);
    }
}
