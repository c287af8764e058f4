package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.NoAnswer;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.routing.Caller;
import org.hotdesk.core.routing.Diversion;
import org.hotdesk.core.routing.RouteDecision;
import org.hotdesk.core.routing.Router;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.FeatureCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a call goes, decided by the core without any SIP: codes, emergency, idle desks, ringing a person wherever
 * they sit, each forwarding rule with its Diversion, cycles, and calls from a trunk to a DID.
 */
abstract class RoutingTest extends BackendTest {
    static final String TRUNK_ADDRESS = "198.51.100.7";

    Tenant acme;
    User alice;
    User bob;
    User carol;
    Device aliceDesk;
    Device bobDesk;
    Device callerDesk;
    Router router;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withRouting(
                new CallRouting(null, "sip:carrier.example.net", null, "sip:vm.example.net:5070")), TestHotdesk.ADMIN);
        hd.core().location().load(); // as the SIP server does at start: only it changes bindings
        alice = hd.user(acme, "1001", "2468");
        bob = hd.user(acme, "1002", "1357");
        aliceDesk = registered(hd.device(acme));
        bobDesk = registered(hd.device(acme));
        callerDesk = registered(hd.device(acme));
        login(aliceDesk, alice);
        login(bobDesk, bob);
        router = hd.core().router();
    }

    private Device registered(Device desk) {
        Instant now = hd.clock().instant();
        hd.core().location().put(LocationService.deviceKey(desk.id()), new Registration(acme.id(), desk.id(), null,
                desk.sipUsername(), "sip:" + desk.sipUsername() + "@192.0.2." + (desk.id() % 200 + 1) + ":5060",
                "192.0.2.1:5060", "udp", "Yealink SIP-T54W", null, List.of(), now, now.plusSeconds(600), "c" + desk.id()));
        return desk;
    }

    private void login(Device desk, User user) {
        hd.core().logins().login(desk.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    private Caller.Phone carol() {
        if (carol == null) {
            carol = hd.user(acme, "1003", "9753");
            login(callerDesk, carol);
        }
        return new Caller.Phone(tenant(), callerDesk, Optional.of(carol));
    }

    private Tenant tenant() {
        return hd.core().tenants().get(acme.id());
    }

    private void forward(User user, Forwarding rules) {
        hd.core().forwarding().set(acme.id(), user.id(), rules, TestHotdesk.ADMIN);
    }

    private static ForwardTarget ext(String extension) {
        return new ForwardTarget.Extension(extension);
    }

    @Test
    void anIdleDeskReachesCodesAndEmergencyNumbersButNoOne() {
        Caller.Phone idle = new Caller.Phone(tenant(), callerDesk, Optional.empty());

        assertThat(router.route(idle, "1001", 0)).isEqualTo(new RouteDecision.Refused(403, "Hot desk login required"));
        assertThat(router.route(idle, "112", 0)).isEqualTo(new RouteDecision.Emergency("112"));
        assertThat(router.route(idle, "00*123456#", 0))
                .isEqualTo(new RouteDecision.Code(new FeatureCode.OtpLogin("123456")));
        assertThat(router.route(idle, "", 0)).isInstanceOf(RouteDecision.Refused.class);
    }

    @Test
    void anExtensionRingsTheDeskWhereThePersonSitsAndNumbersLeaveByTheTrunk() {
        RouteDecision toAlice = router.route(carol(), "1001", 0);
        RouteDecision out = router.route(carol(), "004930123456", 0);

        assertThat(toAlice).isInstanceOfSatisfying(RouteDecision.Ring.class, ring -> {
            assertThat(ring.extension()).isEqualTo("1001");
            assertThat(ring.targets()).extracting(Registration::deviceId).containsExactly(aliceDesk.id());
            assertThat(ring.diversions()).isEmpty();
            assertThat(ring.onBusy()).isNull();
            assertThat(ring.noAnswer()).isNull();
        });
        assertThat(out).isEqualTo(new RouteDecision.Outbound("sip:carrier.example.net", "004930123456", List.of()));
    }

    @Test
    void alwaysForwardsBeforeAnyPhoneRingsAndSaysWhoForwarded() {
        forward(alice, new Forwarding(ext("1002"), null, null, null));

        RouteDecision d = router.route(carol(), "1001", 0);

        assertThat(d).isInstanceOfSatisfying(RouteDecision.Ring.class, ring -> {
            assertThat(ring.extension()).isEqualTo("1002");
            assertThat(ring.targets()).extracting(Registration::deviceId).containsExactly(bobDesk.id());
            assertThat(ring.diversions()).containsExactly(new Diversion("1001", Diversion.UNCONDITIONAL));
        });
    }

    @Test
    void someoneLoggedInNowhereGoesToVoicemailWhenUnreachable() {
        hd.core().sessions().logout(aliceDesk.id(), org.hotdesk.core.session.LogoutReason.USER, TestHotdesk.ADMIN);
        assertThat(router.route(carol(), "1001", 0)).isEqualTo(new RouteDecision.Refused(480, null));

        forward(alice, new Forwarding(null, null, null, new ForwardTarget.Voicemail()));

        assertThat(router.route(carol(), "1001", 0)).isEqualTo(new RouteDecision.Voicemail(
                "sip:1001@vm.example.net:5070", "1001", List.of(new Diversion("1001", Diversion.UNAVAILABLE))));
    }

    @Test
    void busyAndNoAnswerAreWhatFollowsRinging() {
        forward(alice, new Forwarding(null, new ForwardTarget.External(new org.hotdesk.core.trunk.PhoneNumber("+4930123456")),
                new NoAnswer(ext("1002"), 15), null));

        RouteDecision d = router.route(carol(), "1001", 0);

        assertThat(d).isInstanceOfSatisfying(RouteDecision.Ring.class, ring -> {
            assertThat(ring.targets()).extracting(Registration::deviceId).containsExactly(aliceDesk.id());
            assertThat(ring.onBusy()).isEqualTo(new RouteDecision.Outbound("sip:carrier.example.net", "+4930123456",
                    List.of(new Diversion("1001", Diversion.BUSY))));
            assertThat(ring.noAnswer().afterSeconds()).isEqualTo(15);
            assertThat(ring.noAnswer().then()).isInstanceOfSatisfying(RouteDecision.Ring.class, next -> {
                assertThat(next.extension()).isEqualTo("1002");
                assertThat(next.diversions()).containsExactly(new Diversion("1001", Diversion.NO_ANSWER));
            });
        });
    }

    @Test
    void aForwardingCycleEndsAtTheLastPersonBeforeItCloses() {
        forward(alice, new Forwarding(ext("1002"), null, null, null));
        forward(bob, new Forwarding(ext("1001"), null, null, null));

        RouteDecision d = router.route(carol(), "1001", 0);

        assertThat(d).isInstanceOfSatisfying(RouteDecision.Ring.class, ring -> {
            assertThat(ring.extension()).isEqualTo("1002");
            assertThat(ring.diversions()).containsExactly(new Diversion("1001", Diversion.UNCONDITIONAL));
        });
    }

    @Test
    void aCallThatWasForwardedTooOftenElsewhereIsNotForwardedAgain() {
        forward(alice, new Forwarding(ext("1002"), null, null, null));

        RouteDecision d = router.route(carol(), "1001", Router.MAX_DIVERSIONS);

        assertThat(d).isInstanceOfSatisfying(RouteDecision.Ring.class, ring -> assertThat(ring.extension()).isEqualTo("1001"));
    }

    @Test
    void aTrunkCallToADidRingsItsPersonWithOrWithoutThePlus() {
        hd.core().trunks().create(acme.id(), "Carrier", List.of(TRUNK_ADDRESS + "/32"), Map.of("+14155550100", "1001"),
                TestHotdesk.ADMIN);

        assertThat(router.isTrunk(TRUNK_ADDRESS)).isTrue();
        assertThat(router.isTrunk("198.51.100.8")).isFalse();
        for (String dialled : List.of("+14155550100", "14155550100")) {
            assertThat(router.fromTrunk(TRUNK_ADDRESS, dialled, 0)).isInstanceOfSatisfying(RouteDecision.Ring.class,
                    ring -> assertThat(ring.targets()).extracting(Registration::deviceId).containsExactly(aliceDesk.id()));
        }
        assertThat(router.fromTrunk(TRUNK_ADDRESS, "+14155550199", 0)).isEqualTo(new RouteDecision.Refused(404, "Unknown number"));
        assertThat(router.fromTrunk("198.51.100.8", "+14155550100", 0)).isEqualTo(new RouteDecision.Refused(404, "Unknown number"));
        assertThat(router.outsideCaller(TRUNK_ADDRESS, "+14155550100")).map(o -> o.tenant().id()).contains(acme.id());
    }

    @Test
    void theAnsweringPointCallingBackADesksCallbackNumberRingsThatDeskForAWhile() {
        hd.core().trunks().create(acme.id(), "Carrier", List.of(TRUNK_ADDRESS + "/32"), Map.of("+14155550100", "1001"),
                TestHotdesk.ADMIN);
        org.hotdesk.core.site.CivicAddress where = new org.hotdesk.core.site.CivicAddress("HQ", "US", "CA", "SF",
                "Main St", "1", "94105", null, "3", null, "+14155550142");
        hd.core().emergency().raise(aliceDesk, where, alice, "911", "e1@192.0.2.1");

        assertThat(router.fromTrunk(TRUNK_ADDRESS, "+14155550142", 0)).isInstanceOfSatisfying(RouteDecision.Ring.class,
                ring -> assertThat(ring.targets()).extracting(Registration::deviceId).containsExactly(aliceDesk.id()));

        hd.clock().advance(java.time.Duration.ofHours(3));
        assertThat(router.fromTrunk(TRUNK_ADDRESS, "+14155550142", 0)).isEqualTo(new RouteDecision.Refused(404, "Unknown number"));
    }
}
