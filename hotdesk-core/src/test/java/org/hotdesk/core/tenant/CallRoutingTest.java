package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class CallRoutingTest {
    @Test
    void sipUrisAreKeptAndBlankMeansNone() {
        CallRouting r = new CallRouting(" sip:sbc.example.net:5060;transport=tcp ", "");
        assertThat(r.emergencyGatewayUri()).isEqualTo("sip:sbc.example.net:5060;transport=tcp");
        assertThat(r.outboundTrunkUri()).isNull();
    }

    @Test
    void somethingThatIsNotASipUriIsNamed() {
        assertThatThrownBy(() -> new CallRouting("http://sbc.example.net", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("emergencyGatewayUri").hasMessageContaining("http://sbc.example.net");
        assertThatThrownBy(() -> new CallRouting(null, "sip:"))
                .hasMessageContaining("outboundTrunkUri");
    }

    @Test
    void addressesWithUserPortAndBracketedIpv6AreUris() {
        assertThat(new CallRouting("sips:[2001:db8::1]:5061", "sip:+4930@trunk.example.net;transport=tcp"))
                .isEqualTo(new CallRouting("sips:[2001:db8::1]:5061", "sip:+4930@trunk.example.net;transport=tcp"));
        assertThat(new CallRouting("sip:192.0.2.10", null).emergencyGatewayUri()).isEqualTo("sip:192.0.2.10");
        assertThat(CallRouting.NONE.withOutboundTrunkUri("sip:trunk.example.net").outboundTrunkUri())
                .isEqualTo("sip:trunk.example.net");
    }

    @Test
    void aUriWithoutARealHostOrPortIsRefused() {
        for (String bad : new String[] {"sip::", "sip:.", "sip:-gw.example.net", "sip:user@", "sip:gw example.net",
                "sip:gw.example.net?Subject=x", "tel:+4930123"}) {
            assertThatThrownBy(() -> new CallRouting(null, bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboundTrunkUri").hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> new CallRouting("sip:gw.example.net:70000", null))
                .hasMessageContaining("emergencyGatewayUri").hasMessageContaining("port 70000");
        assertThatThrownBy(() -> new CallRouting("sip:gw.example.net:0", null)).hasMessageContaining("port 0");
    }
}
