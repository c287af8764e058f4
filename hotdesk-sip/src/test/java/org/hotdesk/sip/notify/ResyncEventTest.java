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
        assertThat(ResyncEvent.forVendor(Vendor.FANVIL)).isEqualTo("check-sync");
    }

    /** Cisco's MPP guides name only "Event: resync" ("Resync From SIP"); see {@link ResyncEvent} for the source. */
    @Test
    void ciscoMppGetsTheResyncEventItsAdministrationGuideNames() {
        assertThat(ResyncEvent.forVendor(Vendor.CISCO)).isEqualTo("resync");
    }
}
