package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.Role;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens and employees' web sign-in, as stored. */
abstract class AccessTokensTest extends BackendTest {
    Tenant acme;
    AccessService access;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        access = hd.core().access();
    }

    @Test
    void aTenantAdminTokenWorksUntilRevokedAndOnlyItsHashIsKept() {
        IssuedToken issued = access.issueTenantAdminToken(acme.id(), "ann@acme.example", TestHotdesk.ADMIN);
        assertThat(issued.secret()).startsWith("hd_").hasSizeGreaterThan(40);
        assertThat(issued.token().tokenHash()).doesNotContain(issued.secret());
        assertThat(access.authenticate(issued.secret())).contains(Principal.tenantAdmin(acme.id(), "ann@acme.example"));
        assertThat(access.adminTokens(acme.id())).extracting(t -> t.name()).containsExactly("ann@acme.example");

        access.revoke(acme.id(), issued.token().id(), TestHotdesk.ADMIN);
        assertThat(access.authenticate(issued.secret())).isEmpty();
        assertThat(hd.core().ports().audit().list(acme.id(), 5)).extracting(r -> r.action())
                .contains("token.issued", "token.revoked");
    }

    @Test
    void tokensOfOneTenantCannotBeRevokedThroughAnother() {
        Tenant other = hd.tenant("other.example");
        IssuedToken issued = access.issueTenantAdminToken(acme.id(), "ann", TestHotdesk.ADMIN);
        assertThatThrownBy(() -> access.revoke(other.id(), issued.token().id(), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThat(access.authenticate(issued.secret())).isPresent();
        assertThatThrownBy(() -> access.issueTenantAdminToken(acme.id(), " ", TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anEmployeeTokenExpiresAfterTwelveHours() {
        User alice = hd.user(acme, "1001", "8526");
        SignIn in = access.signIn("acme.example", "1001", "8526");
        assertThat(in).isInstanceOf(SignIn.SignedIn.class);
        IssuedToken token = access.issueEmployeeToken(alice);
        assertThat(access.authenticate(token.secret()).map(Principal::role)).contains(Role.EMPLOYEE);

        hd.clock().advance(Duration.ofHours(12));
        assertThat(access.authenticate(token.secret())).isEmpty();
        assertThat(access.removeExpired()).isEqualTo(1);
    }

    @Test
    void wrongPinsOnTheWebCountTowardsTheSameLockoutAsAtADesk() {
        hd.user(acme, "1001", "8526");
        for (int i = 0; i < 5; i++) {
            assertThat(access.signIn(String.valueOf(acme.id()), "1001", "3716"))
                    .isEqualTo(new SignIn.Refused(LoginRefusal.INVALID_CREDENTIALS));
        }
        assertThat(access.signIn("acme.example", "1001", "8526")).isEqualTo(new SignIn.Refused(LoginRefusal.LOCKED));
        assertThat(hd.core().attempts().isLocked(acme.id(),
                org.hotdesk.core.login.LockKey.user(hd.core().users().byExtension(acme.id(), "1001").id()))).isTrue();
        // unknown tenant or extension: the same answer as a wrong PIN
        assertThat(access.signIn("nowhere.example", "1001", "8526"))
                .isEqualTo(new SignIn.Refused(LoginRefusal.INVALID_CREDENTIALS));
    }

    @Test
    void aRefusedEmployeeIsToldTheTriesLeftAndHowLongALockLasts() {
        hd.user(acme, "1001", "8526");
        for (int i = 0; i < 3; i++) access.signIn("acme.example", "1001", "3716");
        assertThat(access.limitOf("acme.example", "1001")).hasValueSatisfying(l -> {
            assertThat(l.triesLeft()).isEqualTo(2);
            assertThat(l.lockDuration()).isEqualTo(Duration.ofMinutes(15));
            assertThat(l.locked()).isFalse();
        });
        access.signIn("acme.example", "1001", "3716");
        access.signIn("acme.example", "1001", "3716");
        assertThat(access.limitOf("acme.example", "1001")).hasValueSatisfying(l -> {
            assertThat(l.triesLeft()).isZero();
            assertThat(l.lockedUntil()).isEqualTo(hd.clock().instant().plus(Duration.ofMinutes(15)));
        });
        // an unknown extension or company: nothing to say, as with the refusal itself
        assertThat(access.limitOf("acme.example", "1999")).isEmpty();
        assertThat(access.limitOf("nowhere.example", "1001")).isEmpty();
    }

    @Test
    void theFirstStartMakesOneSystemAdminTokenAndLaterStartsDoNot() {
        IssuedToken first = access.ensureSystemAdminToken().orElseThrow();
        assertThat(access.authenticate(first.secret()).map(Principal::role)).contains(Role.SYSTEM_ADMIN);
        assertThat(access.ensureSystemAdminToken()).isEmpty();
        IssuedToken reset = access.resetSystemAdminToken(TestHotdesk.ADMIN);
        assertThat(access.authenticate(first.secret())).isEmpty();
        assertThat(access.authenticate(reset.secret())).isPresent();
    }
}
