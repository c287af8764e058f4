package org.hotdesk.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"00:15:65:AA:BB:CC", "00-15-65-aa-bb-cc", "0015.65aa.bbcc", "001565AABBCC", " 001565aabbcc "})
    void acceptsTheWaysAdminsAndPhonesWriteIt(String raw) {
        MacAddress mac = MacAddress.parse(raw);

        assertThat(mac.value()).isEqualTo("001565aabbcc");
        assertThat(mac.colonSeparated()).isEqualTo("00:15:65:aa:bb:cc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00:15:65:aa:bb", "00:15:65:aa:bb:cc:dd", "00:15:65:aa:bb:cg", "hello", "00:00:00:00:00:00",
            "ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:01"})
    void refusesWhatIsNotADeviceAddressAndSaysWhy(String raw) {
        assertThatThrownBy(() -> MacAddress.parse(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("mac: ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("mac"));
    }
}
