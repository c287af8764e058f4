package org.hotdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PINs tried first by anyone guessing, refused unless the tenant allows them. */
class PinStrengthTest {
    @ParameterizedTest
    @ValueSource(strings = {"0000", "1111", "999999", "1234", "2345", "7890", "890123", "4321", "3210", "1098", "987654"})
    void repeatedDigitsAndRunsAreWeak(String pin) {
        assertThat(PinStrength.weakness(pin, "1001")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1357", "2468", "2581", "1324", "9402", "1212", "112233"})
    void otherPinsAreNot(String pin) {
        assertThat(PinStrength.weakness(pin, "1001")).isEmpty();
    }

    @Test
    void theUsersOwnExtensionIsWeak() {
        assertThat(PinStrength.weakness("4711", "4711")).contains("it is the extension");
    }

    @Test
    void aWeakPinIsRefusedNamingWhyAndTheSettingThatAllowsIt() {
        assertThatThrownBy(() -> PinStrength.requireStrong("1234", "1001", LockoutPolicy.DEFAULT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too easy to guess").hasMessageContaining("digits in a row").hasMessageContaining("weakPinsAllowed");
    }

    @Test
    void aTenantMayAllowWeakPins() {
        PinStrength.requireStrong("1111", "1001", LockoutPolicy.DEFAULT.withWeakPinsAllowed(true));
        assertThat(PinStrength.refusal("1111", "1001", LockoutPolicy.DEFAULT.withWeakPinsAllowed(true))).isEmpty();
    }
}
