package org.hotdesk.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    private static final String TOKEN = "prometheus-0123456789abcdef";

    @Test
    void byDefaultOnlyThisMachineReadsMetrics() {
        assertThat(MetricsAccess.LOCAL_ONLY.allows("127.0.0.1", null)).isTrue();
        assertThat(MetricsAccess.LOCAL_ONLY.allows("::1", null)).isTrue();
        assertThat(MetricsAccess.LOCAL_ONLY.allows("192.0.2.7", null)).isFalse();
        assertThat(MetricsAccess.LOCAL_ONLY.allows("192.0.2.7", "Bearer anything-at-all-0123456789")).isFalse();
    }

    @Test
    void theTokenOpensItFromAnywhereAndNothingElseDoes() {
        MetricsAccess access = new MetricsAccess(TOKEN, new TrustedNetworks(List.of("10.0.0.0/8")));
        assertThat(access.allows("192.0.2.7", "Bearer " + TOKEN)).isTrue();
        assertThat(access.allows("192.0.2.7", "Bearer " + TOKEN + "x")).isFalse();
        assertThat(access.allows("192.0.2.7", TOKEN)).as("without the Bearer scheme").isFalse();
        assertThat(access.allows("192.0.2.7", null)).isFalse();
        assertThat(access.allows("10.1.2.3", null)).isTrue();
    }

    @Test
    void noTokenAndNoNetworksTurnTheEndpointOff() {
        assertThat(new MetricsAccess("", TrustedNetworks.NONE).enabled()).isFalse();
        assertThat(new MetricsAccess(TOKEN, TrustedNetworks.NONE).enabled()).isTrue();
        assertThat(MetricsAccess.LOCAL_ONLY.enabled()).isTrue();
    }
}
