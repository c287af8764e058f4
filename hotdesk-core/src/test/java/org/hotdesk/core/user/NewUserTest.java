package org.hotdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.error.InvalidInputException;

import org.junit.jupiter.api.Test;

class NewUserTest {
    @Test
    void refusesBadFieldsByName() {
        assertThatThrownBy(() -> new NewUser("10a1", "Ann", "2581", true, null)).hasMessageStartingWith("extension:");
        assertThatThrownBy(() -> new NewUser("1001", " ", "2581", true, null)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new NewUser("1001", "Ann", "12", true, null)).hasMessageStartingWith("pin:");
        assertThatThrownBy(() -> new NewUser("1001", "Ann", "12ab", true, null)).hasMessageStartingWith("pin:");
        assertThatThrownBy(() -> new NewUser("1001", "Ann", "2581", true, "short")).hasMessageStartingWith("sipPassword:");
    }

    @Test
    void namesEveryBadFieldAtOnceInFormOrder() {
        assertThat(NewUser.problems("10a1", "", "12", "short")).extracting(InvalidInputException::field)
                .containsExactly("extension", "name", "pin", "sipPassword");
        assertThat(NewUser.problems(" 1001 ", "Ann", "2581", null)).isEmpty();
    }
}
