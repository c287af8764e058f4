package org.hotdesk.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Nonces prove themselves, and each nonce count is accepted once, in a book whose size never grows. */
class NonceBookTest {
    final NonceBook book = new NonceBook(new SecureRandom());

    @Test
    void aNonceIsReadBackWithItsIssueTime() {
        String nonce = book.issue(1_234_567L);

        assertThat(book.read(nonce).issuedAtMillis()).isEqualTo(1_234_567L);
    }

    @Test
    void anAlteredOrForeignNonceIsNotOurs() {
        String nonce = book.issue(1L);
        // a character inside the HMAC (the last one also carries padding bits a decoder ignores)
        int at = nonce.length() - 10;
        String altered = nonce.substring(0, at) + (nonce.charAt(at) == 'A' ? 'B' : 'A') + nonce.substring(at + 1);

        assertThat(book.read(altered)).isNull();
        assertThat(new NonceBook(new SecureRandom()).read(nonce)).as("another run's secret").isNull();
        assertThat(book.read("not-a-nonce")).isNull();
        assertThat(book.read(null)).isNull();
    }

    @Test
    void eachCountIsAcceptedOnceAndOnlyGoingUp() {
        NonceBook.Issued nonce = book.read(book.issue(1L));

        assertThat(book.use(nonce, 1)).isTrue();
        assertThat(book.use(nonce, 1)).as("the same request again").isFalse();
        assertThat(book.use(nonce, 3)).isTrue();
        assertThat(book.use(nonce, 2)).as("an older count").isFalse();
    }

    @Test
    void withoutQopANonceServesOneRequest() {
        NonceBook.Issued nonce = book.read(book.issue(1L));

        assertThat(book.use(nonce, 0)).isTrue();
        assertThat(book.use(nonce, 0)).isFalse();
    }

    @Test
    void aNonceWhoseSlotWasReusedIsNoLongerAccepted() {
        NonceBook.Issued old = book.read(book.issue(1L));
        for (int i = 1; i < NonceBook.SLOTS; i++) book.issue(1L);
        NonceBook.Issued young = book.read(book.issue(2L));

        assertThat(book.use(old, 1)).as("the ring went round: stale, the phone asks again").isFalse();
        assertThat(book.use(young, 1)).isTrue();
    }
}
