package org.hotdesk.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

/** The core's errors, as an admin or employee reads them. */
class PlainMessagesTest {
    @Test
    void aFieldIsNamedByItsLabel() {
        assertThat(PlainMessages.of(new InvalidInputException("mac", "is required"))).isEqualTo("MAC address is required.");
        assertThat(PlainMessages.of(new InvalidInputException("sipDomain", "'x y' is not a host name or IP address")))
                .isEqualTo("SIP domain: 'x y' is not a host name or IP address.");
        assertThat(PlainMessages.of(new InvalidInputException("provisioning.fetchLimit", "must be between 1 and 9")))
                .isEqualTo("Fetch limit must be between 1 and 9.");
    }

    @Test
    void aWholeFormProblemIsOneSentence() {
        assertThat(PlainMessages.nothingChanged(new InvalidInputException("devices", "tick at least one desk")))
                .isEqualTo("Tick at least one desk. Nothing was changed.");
    }

    @Test
    void somethingGoneAsksForAReloadWithoutItsId() {
        assertThat(PlainMessages.of(new NotFoundException("device", 42)))
                .isEqualTo("That desk does not exist (any more). Reload the page and try again.");
        assertThat(PlainMessages.of(new ConflictException("extension 201 already exists in tenant acme.example")))
                .isEqualTo("Extension 201 already exists in tenant acme.example.");
    }

    @Test
    void aWaitIsRoundedUpToWholeMinutes() {
        assertThat(PlainMessages.minutes(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(PlainMessages.minutes(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(PlainMessages.minutes(Duration.ofSeconds(5))).isEqualTo("1 minute");
    }
}
