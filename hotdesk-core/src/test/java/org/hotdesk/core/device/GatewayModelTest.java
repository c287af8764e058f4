package org.hotdesk.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class GatewayModelTest {
    @Test
    void grandstreamAtasHaveTheirFxsPorts() {
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "HT801")).map(GatewayModel::fxsPorts).contains(1);
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "HT802")).map(GatewayModel::fxsPorts).contains(2);
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "HT812")).map(GatewayModel::fxsPorts).contains(2);
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "HT813")).map(GatewayModel::fxsPorts).contains(1);
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "ht814 ")).map(GatewayModel::fxsPorts).contains(4);
        assertThat(GatewayModel.of(Vendor.GENERIC, "HT818")).map(GatewayModel::fxsPorts).contains(8);
    }

    @Test
    void anUnknownModelOrAnotherMakersIsNotHeldToACount() {
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, "GXW4248")).isEmpty();
        assertThat(GatewayModel.of(Vendor.GRANDSTREAM, null)).isEmpty();
        assertThat(GatewayModel.of(Vendor.CISCO, "HT802")).isEmpty();
    }

    @Test
    void moreLinesThanPortsAreRefusedFewerAreFine() {
        GatewayModel ht802 = GatewayModel.of(Vendor.GRANDSTREAM, "HT802").orElseThrow();
        ht802.requireLines(1);
        ht802.requireLines(2);
        ht802.requirePort(2);
        assertThatThrownBy(() -> ht802.requireLines(4)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ports: a grandstream HT802 has 2 FXS ports, not 4");
        assertThatThrownBy(() -> ht802.requirePort(3)).isInstanceOf(InvalidInputException.class)
                .hasMessage("port: a grandstream HT802 has 2 FXS ports, no port 3");
        assertThatThrownBy(() -> GatewayModel.of(Vendor.GRANDSTREAM, "HT801").orElseThrow().requireLines(2))
                .hasMessage("ports: a grandstream HT801 has 1 FXS port, not 2");
    }
}
