package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.forwarding.ForwardingRequest.NoAnswerText;
import org.hotdesk.core.forwarding.ForwardingService;
import org.hotdesk.core.forwarding.NoAnswer;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each person's call forwarding: set, read back and cleared; what cannot work (to oneself, to voicemail with no
 * voicemail server, outside with no outbound trunk, a wait out of range) is refused naming the rule, and nothing is
 * saved.
 */
abstract class ForwardingTest extends BackendTest {
    Tenant acme;
    User alice;
    User bob;
    ForwardingService forwarding;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        bob = hd.user(acme, "1002", "2582");
        forwarding = hd.core().forwarding();
    }

    private void routing(String voicemailUri, String outboundTrunkUri) {
        var s = hd.core().tenants().get(acme.id()).settings();
        hd.core().tenants().updateSettings(acme.id(), s.withRouting(s.routing().withVoicemailUri(voicemailUri)
                .withOutboundTrunkUri(outboundTrunkUri)), TestHotdesk.ADMIN);
    }

    private List<AuditRecord> audit() {
        return hd.core().ports().audit().list(acme.id(), 20).stream()
                .filter(r -> r.action().equals("forwarding.changed")).toList();
    }

    private static String fieldOf(Throwable e) {
        return ((InvalidInputException) e).field();
    }

    @Test
    void rulesAreSetReadBackAndClearedAndEachChangeIsAudited() {
        routing("sip:vm.acme.example", "sip:trunk.example.net");
        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);

        Forwarding set = forwarding.set(acme.id(), alice.id(), new ForwardingRequest(null, "1002",
                new NoAnswerText(" Voicemail ", 30), "+49 30 123456"), Actor.user("1001"));

        Forwarding read = forwarding.get(acme.id(), alice.id());
        assertThat(read).isEqualTo(set);
        assertThat(read.always()).isNull();
        assertThat(read.busy()).isEqualTo(new ForwardTarget.Extension("1002"));
        assertThat(read.noAnswer()).isEqualTo(new NoAnswer(new ForwardTarget.Voicemail(), 30));
        assertThat(read.unreachable().text()).isEqualTo("+4930123456");
        assertThat(ForwardingRequest.of(read)).isEqualTo(new ForwardingRequest(null, "1002",
                new NoAnswerText("voicemail", 30), "+4930123456"));
        assertThat(forwarding.get(acme.id(), bob.id())).as("only hers").isEqualTo(Forwarding.NONE);

        forwarding.set(acme.id(), alice.id(), new ForwardingRequest("1002", null, new NoAnswerText("1002", null), null),
                TestHotdesk.ADMIN);
        assertThat(forwarding.get(acme.id(), alice.id()).noAnswer().afterSeconds()).as("the default wait")
                .isEqualTo(NoAnswer.DEFAULT_SECONDS);
        assertThat(forwarding.get(acme.id(), alice.id()).unreachable()).as("replaced as a whole").isNull();

        forwarding.set(acme.id(), alice.id(), ForwardingRequest.NONE, TestHotdesk.ADMIN);
        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);

        assertThat(audit()).hasSize(3);
        assertThat(audit()).anySatisfy(r -> {
            assertThat(r.actor()).isEqualTo(Actor.user("1001"));
            assertThat(r.subject()).contains("1001");
            assertThat(r.detail()).contains("busy=1002", "noAnswer=voicemail/30s", "unreachable=+4930123456");
        });
        assertThat(audit()).anySatisfy(r -> assertThat(r.detail()).isEqualTo("none"));
    }

    @Test
    void forwardingToOneselfIsRefused() {
        assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(),
                new ForwardingRequest("1001", null, null, null), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("itself")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("always"));

        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);
        assertThat(audit()).isEmpty();
    }

    @Test
    void voicemailNeedsAVoicemailServerAndOutsideNumbersAnOutboundTrunk() {
        assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(),
                new ForwardingRequest(null, "voicemail", null, null), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("voicemailUri")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("busy"));
        assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(),
                new ForwardingRequest(null, null, null, "+4930123456"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboundTrunkUri")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("unreachable"));
        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);

        routing("sip:vm.acme.example", null);
        forwarding.set(acme.id(), alice.id(), new ForwardingRequest(null, "voicemail", null, null), TestHotdesk.ADMIN);
        assertThat(forwarding.get(acme.id(), alice.id()).busy()).isEqualTo(new ForwardTarget.Voicemail());
    }

    @Test
    void aWaitOutsideFiveToOneHundredTwentySecondsIsRefused() {
        routing("sip:vm.acme.example", null);
        for (int seconds : new int[] {4, 121, 0, -5}) {
            assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(),
                    new ForwardingRequest(null, null, new NoAnswerText("voicemail", seconds), null), TestHotdesk.ADMIN))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(String.valueOf(seconds))
                    .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("noAnswer.afterSeconds"));
        }
        assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(),
                new ForwardingRequest(null, null, new NoAnswerText(" ", 30), null), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("noAnswer.target"));
        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);

        forwarding.set(acme.id(), alice.id(), new ForwardingRequest(null, null, new NoAnswerText("1002", 5), null),
                TestHotdesk.ADMIN);
        forwarding.set(acme.id(), alice.id(), new ForwardingRequest(null, null, new NoAnswerText("1002", 120), null),
                TestHotdesk.ADMIN);
        assertThat(forwarding.get(acme.id(), alice.id()).noAnswer().afterSeconds()).isEqualTo(120);
    }

    @Test
    void everyWrongRuleIsNamedAtOnceAndAGoodOneDoesNotSaveAlone() {
        routing(null, null);
        forwarding.set(acme.id(), alice.id(), new ForwardingRequest("1002", null, null, null), TestHotdesk.ADMIN);

        ForwardingRequest typed = new ForwardingRequest("1001", "voicemail", new NoAnswerText("oops!", 3),
                "+4930123456");
        List<HotdeskException> problems = forwarding.problemsOf(acme.id(), alice.id(), typed);

        assertThat(problems).extracting(e -> ((InvalidInputException) e).field()).containsExactly("always", "busy",
                "noAnswer.target", "noAnswer.afterSeconds", "unreachable");
        assertThat(problems.get(2).getMessage()).contains("oops!");
        assertThatThrownBy(() -> forwarding.set(acme.id(), alice.id(), typed, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class);
        assertThat(forwarding.get(acme.id(), alice.id()).always()).as("unchanged")
                .isEqualTo(new ForwardTarget.Extension("1002"));
        assertThat(forwarding.problemsOf(acme.id(), alice.id(), new ForwardingRequest(null, "1002", null, null)))
                .isEmpty();
    }

    @Test
    void anotherTenantsPersonIsNotFound() {
        Tenant other = hd.tenant("other.example");

        assertThatThrownBy(() -> forwarding.get(other.id(), alice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forwarding.set(other.id(), alice.id(),
                new ForwardingRequest(null, "1002", null, null), TestHotdesk.ADMIN)).isInstanceOf(NotFoundException.class);
        assertThat(forwarding.get(acme.id(), alice.id())).isEqualTo(Forwarding.NONE);
    }
}
