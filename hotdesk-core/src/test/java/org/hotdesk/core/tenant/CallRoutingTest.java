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
}
