package org.hotdesk.core.voicemail;

import java.util.Objects;

/**
 * What a person's voicemail server last said of their mailbox: its summary as the server wrote it (RFC 3842's
 * {@code application/simple-message-summary} text), passed on to their phones unchanged.
 */
public record MailboxState(String summary) {
    public MailboxState {
        Objects.requireNonNull(summary, "summary");
    }
}
