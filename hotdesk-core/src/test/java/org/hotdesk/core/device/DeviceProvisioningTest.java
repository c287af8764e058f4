package org.hotdesk.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.user.FunctionKey;
import org.junit.jupiter.api.Test;

class DeviceProvisioningTest {
    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new DeviceProvisioning(null, null, 70000, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sipPort");
        assertThatThrownBy(() -> new DeviceProvisioning(null, null, 0, "not a domain!", null))
                .hasMessageContaining("sipDomain").hasMessageContaining("not a domain!");
        assertThatThrownBy(() -> SipTransport.parse("sctp")).hasMessageContaining("udp, tcp, tls");
        assertThatThrownBy(() -> ProvisioningMode.parse("magic")).hasMessageContaining("dial-codes, phone-key");
        assertThatThrownBy(() -> new ProvisioningSettings("pool.ntp.org", 0, 500, ProvisioningAccess.URL_TOKEN))
                .hasMessageContaining("provisioning.fetchLimit");
        assertThatThrownBy(() -> new ProvisioningSettings("pool.ntp.org", 20, 10, ProvisioningAccess.URL_TOKEN))
                .hasMessageContaining("provisioning.registerExpirySeconds");
    }

    @Test
    void blankOverridesMeanTheTenantsAndNamesAreLowerCased() {
        DeviceProvisioning p = new DeviceProvisioning(ProvisioningMode.parse("phone-key"), SipTransport.parse("TLS"), 0,
                " ", "NTP.Example.COM");
        assertThat(p.sipDomain()).isNull();
        assertThat(p.ntpServer()).isEqualTo("ntp.example.com");
        assertThat(p.mode()).isEqualTo(ProvisioningMode.PHONE_KEY);
    }

    @Test
    void aKeyLabelThatCouldBreakAPhoneConfigIsRefused() {
        assertThatThrownBy(() -> new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob\nlinekey.1.type = 0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keys.label");
        assertThatThrownBy(() -> new FunctionKey(FunctionKey.Type.BLF, "10 02", "Bob"))
                .hasMessageContaining("keys.value");
        assertThatThrownBy(() -> FunctionKey.Type.parse("park")).hasMessageContaining("blf, speed-dial");
        assertThat(new FunctionKey(FunctionKey.Type.SPEED_DIAL, "*11", null).label()).isEqualTo("*11");
    }
}
