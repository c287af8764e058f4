package org.hotdesk.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

/** Only the tenant's own voicemail server may light a person's lamp: its host, by address, looked up on each check. */
class VoicemailServerTest {
    final List<String> lookedUp = new ArrayList<>();
    final MessageWaiting waiting = new MessageWaiting(null, null, null, host -> {
        lookedUp.add(host);
        return switch (host) {
            case "vm.example.net" -> List.of("192.0.2.20", "2001:db8::20");
            case "192.0.2.30", "2001:db8::30" -> List.of(host);
            default -> throw new UnknownHostException(host);
        };
    });

    @Test
    void aNamedServerIsKnownByEachOfItsAddressesAndLookedUpOnEveryCheck() {
        Tenant acme = withVoicemail("sip:vm.example.net:5060;transport=udp");

        assertThat(waiting.isVoicemailServer(acme, "192.0.2.20")).isTrue();
        assertThat(waiting.isVoicemailServer(acme, "2001:db8:0:0:0:0:0:20")).as("the same IPv6 address").isTrue();
        assertThat(waiting.isVoicemailServer(acme, "192.0.2.21")).isFalse();
        assertThat(lookedUp).containsExactly("vm.example.net", "vm.example.net", "vm.example.net");
    }

    @Test
    void aLiteralAddressWithAUserPartOrBracketsIsTheHost() {
        assertThat(waiting.isVoicemailServer(withVoicemail("sip:*97@192.0.2.30:5090"), "192.0.2.30")).isTrue();
        assertThat(waiting.isVoicemailServer(withVoicemail("sip:[2001:db8::30]:5090"), "2001:db8::30")).isTrue();
    }

    @Test
    void withoutAVoicemailServerOrWithAnUnresolvableOneNothingIsAccepted() {
        assertThat(waiting.isVoicemailServer(withVoicemail(null), "192.0.2.20")).isFalse();
        assertThat(waiting.isVoicemailServer(withVoicemail("sip:gone.example.net"), "192.0.2.20")).isFalse();
    }

    private static Tenant withVoicemail(String uri) {
        TenantSettings s = TenantSettings.DEFAULT;
        return new Tenant(1, "Acme", "acme.example", s.withRouting(s.routing().withVoicemailUri(uri)), "token",
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
