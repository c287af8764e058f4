package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {
    final TrustedNetworks office = new TrustedNetworks(List.of("192.0.2.0/24", " 2001:db8:10::/48 ", "198.51.100.7"));

    @Test
    void ipv4AndIpv6NetworksAndSingleAddressesMatch() {
        assertThat(office.contains("192.0.2.17")).isTrue();
        assertThat(office.contains("192.0.3.17")).isFalse();
        assertThat(office.contains("2001:db8:10:1::5")).isTrue();
        assertThat(office.contains("2001:db8:11::5")).isFalse();
        assertThat(office.contains("198.51.100.7")).isTrue();
        assertThat(office.contains("198.51.100.8")).isFalse();
    }

    @Test
    void namesAndGarbageNeverMatch() {
        assertThat(office.contains("localhost")).isFalse();
        assertThat(office.contains(null)).isFalse();
        assertThat(TrustedNetworks.NONE.contains("192.0.2.17")).isFalse();
    }

    @Test
    void networksAreWrittenTheSameWayAndBadOnesNamed() {
        assertThat(office.cidrs()).containsExactly("192.0.2.0/24", "2001:db8:10:0:0:0:0:0/48", "198.51.100.7/32");
        assertThatThrownBy(() -> new TrustedNetworks(List.of("192.0.2.0/33")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("trustedCidrs").hasMessageContaining("/33");
        assertThatThrownBy(() -> new TrustedNetworks(List.of("office.example.com/24"))).hasMessageContaining("office.example.com");
    }
}
