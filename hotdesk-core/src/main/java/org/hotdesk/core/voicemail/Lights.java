package org.hotdesk.core.voicemail;

import java.util.List;
import java.util.Optional;

/**
 * The message-waiting light some phones are to show now.
 *
 * @param state    the mailbox they show; empty = no light (an idle desk, or nothing known of the person yet)
 * @param accounts the location keys ({@code LocationService.deviceKey} / {@code userKey}) of the phones that show it:
 *                 desks, and a person's own phones
 */
public record Lights(Optional<MailboxState> state, List<String> accounts) {
    public Lights {
        accounts = List.copyOf(accounts);
    }
}
