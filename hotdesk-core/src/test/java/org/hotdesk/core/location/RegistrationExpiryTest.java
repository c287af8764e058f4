package org.hotdesk.core.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import org.hotdesk.core.location.RegistrationExpiry.Grant;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

/** As shipped: 60 s at least, 300 s when a phone names none, an hour at most. */
class RegistrationExpiryTest {
    final RegistrationExpiry expiry = new RegistrationExpiry(60, 300, 3600);

    static Tenant registeringEvery(int seconds) {
        ProvisioningSettings p = ProvisioningSettings.DEFAULT;
        return new Tenant(1, "Acme", "acme.example", TenantSettings.DEFAULT.withProvisioning(
                new ProvisioningSettings(p.ntpServer(), p.fetchLimit(), seconds, p.access())), null, Instant.EPOCH);
    }

    static OptionalInt asking(int seconds) {
        return OptionalInt.of(seconds);
    }

    @Test
    void aPhoneAskingForAnHourGetsWhatItsTenantTellsItsDesks() {
        assertThat(expiry.grant(asking(3600), registeringEvery(500))).isEqualTo(new Grant.Granted(500));
        assertThat(expiry.grant(asking(3600), registeringEvery(1200))).isEqualTo(new Grant.Granted(1200));
    }

    @Test
    void aShorterRequestThanTheTenantsIsGrantedAsAsked() {
        assertThat(expiry.grant(asking(120), registeringEvery(500))).isEqualTo(new Grant.Granted(120));
        assertThat(expiry.grant(OptionalInt.empty(), registeringEvery(500))).isEqualTo(new Grant.Granted(300));
        assertThat(expiry.grant(OptionalInt.empty(), registeringEvery(120))).isEqualTo(new Grant.Granted(120));
    }

    @Test
    void theServersBoundsStayAroundTheTenantsValue() {
        assertThat(expiry.grant(asking(86_400), registeringEvery(7200))).isEqualTo(new Grant.Granted(3600));
        RegistrationExpiry strict = new RegistrationExpiry(180, 300, 3600);
        assertThat(strict.grant(asking(3600), registeringEvery(60))).isEqualTo(new Grant.Granted(180));
    }

    @Test
    void tooBriefIsRefusedNamingTheMinimumAndZeroRemoves() {
        assertThat(expiry.grant(asking(30), registeringEvery(500))).isEqualTo(new Grant.TooBrief(60));
        assertThat(expiry.grant(asking(0), registeringEvery(500))).isEqualTo(new Grant.Granted(0));
    }

    @Test
    void boundsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new RegistrationExpiry(0, 300, 3600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationExpiry(60, 3600, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
