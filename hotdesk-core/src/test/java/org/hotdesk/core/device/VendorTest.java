package org.hotdesk.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class VendorTest {
    @Test
    void aGenericDeviceIsRecognisedByItsUserAgent() {
        assertThat(Vendor.fromUserAgent("Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37")).isEqualTo(Vendor.YEALINK);
        assertThat(Vendor.fromUserAgent("PolycomVVX-VVX_400-UA/4.1.4.7430")).isEqualTo(Vendor.POLY);
        assertThat(Vendor.fromUserAgent("Grandstream GXP2135 1.0.7.97")).isEqualTo(Vendor.GRANDSTREAM);
        assertThat(Vendor.fromUserAgent("Cisco-CP-7832-3PCC/11.0.1")).isEqualTo(Vendor.CISCO);
        assertThat(Vendor.fromUserAgent("snomD785/10.1.33.33")).isEqualTo(Vendor.SNOM);
        assertThat(Vendor.fromUserAgent("Fanvil X4 2.10.2.6887")).isEqualTo(Vendor.FANVIL);
        assertThat(Vendor.fromUserAgent("baresip v1.0.0")).isEqualTo(Vendor.GENERIC);
        assertThat(Vendor.fromUserAgent(null)).isEqualTo(Vendor.GENERIC);
    }

    @Test
    void onlyVendorsWithAHotDeskKeyOfTheirOwnTakePhoneKeyMode() {
        Vendor.YEALINK.requireSupports(ProvisioningMode.PHONE_KEY);
        Vendor.POLY.requireSupports(ProvisioningMode.DIAL_CODES);
        assertThatThrownBy(() -> Vendor.POLY.requireSupports(ProvisioningMode.PHONE_KEY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("poly phones have no hot-desk key");
    }
}
