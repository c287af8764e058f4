package org.hotdesk.sip.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.device.Vendor;
import org.junit.jupiter.api.Test;

class ResyncEventTest {
    @Test
    void eachVendorGetsTheEventThatReloadsWithoutARebootPerVendorsMd() {
        assertThat(ResyncEvent.forVendor(Vendor.YEALINK)).isEqualTo("check-sync;reboot=false");
        assertThat(ResyncEvent.forVendor(Vendor.SNOM)).isEqualTo("check-sync;reboot=false");
        assertThat(ResyncEvent.forVendor(Vendor.POLY)).isEqualTo("check-sync");
        assertThat(ResyncEvent.forVendor(Vendor.GRANDSTREAM)).isEqualTo("resync");
        assertThat(ResyncEvent.forVendor(Vendor.CISCO)).isEqualTo("check-sync");
        assertThat(ResyncEvent.forVendor(Vendor.FANVIL)).isEqualTo("check-sync");
    }

    @Test
    void aGenericDeviceIsRecognisedByItsUserAgent() {
        assertThat(ResyncEvent.fromUserAgent("Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37")).isEqualTo(Vendor.YEALINK);
        assertThat(ResyncEvent.fromUserAgent("PolycomVVX-VVX_400-UA/4.1.4.7430")).isEqualTo(Vendor.POLY);
        assertThat(ResyncEvent.fromUserAgent("Grandstream GXP2135 1.0.7.97")).isEqualTo(Vendor.GRANDSTREAM);
        assertThat(ResyncEvent.fromUserAgent("Cisco-CP-7832-3PCC/11.0.1")).isEqualTo(Vendor.CISCO);
        assertThat(ResyncEvent.fromUserAgent("snomD785/10.1.33.33")).isEqualTo(Vendor.SNOM);
        assertThat(ResyncEvent.fromUserAgent("Fanvil X4 2.10.2.6887")).isEqualTo(Vendor.FANVIL);
        assertThat(ResyncEvent.fromUserAgent("baresip v1.0.0")).isEqualTo(Vendor.GENERIC);
        assertThat(ResyncEvent.fromUserAgent(null)).isEqualTo(Vendor.GENERIC);
    }
}
