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
}
