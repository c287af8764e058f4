package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Peers;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Emergency calls from shared desks carry the desk's civic address (PIDF-LO by value, RFC 6442) and its
 * callback number, and are never stopped by a hot-desk rule. The gateway is SIPp (Debian sip-tester).
 */
class EmergencyCallTest extends SipTestBase {
    static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    static final CivicAddress DESK_201 = new CivicAddress("Open space, 2nd floor", "US", "CA", "San Francisco", "Market Street",
            "1", "94105", "HQ", "2", "2.01", "+14155550123");

    @TempDir
    Path dir;

    @Override
    SipConfig sipConfig() {
        return md5Only();
    }

    Device locatedDesk() {
        Device desk = hd.device(acme);
        return core().devices().setLocation(acme.id(), desk.id(), DESK_201, TestHotdesk.ADMIN);
    }

    @Test
    void anIdleDeskSendsItsCivicAddressAndCallbackNumberToTheGateway() throws Exception {
        Device desk = locatedDesk();

        SipMessage invite = emergencyCallThroughSipp(desk);

        assertCarriesTheDesksLocation(invite, desk);
        assertThat(invite.header("P-Asserted-Identity")).contains("sip:+14155550123@acme.example;user=phone");
        EmergencyAlert alert = core().emergency().list(acme.id(), 10).get(0);
        assertThat(alert.dialled()).isEqualTo("911");
        assertThat(alert.deviceId()).isEqualTo(desk.id());
        assertThat(alert.userExtension()).as("nobody logged in").isNull();
        assertThat(alert.callId()).isEqualTo(invite.callId());
    }

    @Test
    void aLoggedInDeskSendsTheDesksAddressNotTheUsers() throws Exception {
        Device desk = locatedDesk();
        User alice = hd.user(acme, "1001", "1357");
        loginByAdmin(desk, alice);

        SipMessage invite = emergencyCallThroughSipp(desk);

        assertCarriesTheDesksLocation(invite, desk);
        assertThat(invite.header("P-Asserted-Identity")).as("the desk's callback number, not Alice's extension")
                .contains("+14155550123").doesNotContain("sip:1001@");
        assertThat(core().emergency().list(acme.id(), 10)).singleElement()
                .satisfies(a -> assertThat(a.userExtension()).as("the on-site alert names who sat there").isEqualTo("1001"));
    }

    @Test
    void aDeskWithoutLocationStillGetsThrough() {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        AtomicReference<SipMessage> atGateway = answersNextCall(gateway);

        assertThat(registeredDesk(hd.device(acme)).dial("911").status()).isEqualTo(200);
        assertThat(atGateway.get().headerOpt("Geolocation")).isEmpty();
    }

    @Test
    void lockoutsDisabledUsersAndDisabledDesksDoNotStopAnEmergencyCall() {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        Device desk = locatedDesk();
        TestPhone phone = registeredDesk(desk);

        // locked out by wrong codes
        for (int i = 0; i < 5; i++) assertThat(phone.dial("00*99999" + i + "#").status()).isEqualTo(403);
        assertThat(core().attempts().isLocked(acme.id(), LockKey.device(desk.id()))).isTrue();
        answersNextCall(gateway);
        assertThat(phone.dial("911").status()).as("locked-out desk").isEqualTo(200);

        // the user at the desk is disabled (and so logged out)
        User bob = hd.user(acme, "1002", "2468");
        loginByAdmin(desk, bob);
        core().users().setEnabled(acme.id(), bob.id(), false, TestHotdesk.ADMIN);
        answersNextCall(gateway);
        assertThat(phone.dial("112").status()).as("desk of a disabled user").isEqualTo(200);

        // the desk itself is disabled: it may call nothing else, but this
        core().devices().setEnabled(acme.id(), desk.id(), false, TestHotdesk.ADMIN);
        assertThat(phone.dial("1002").status()).isEqualTo(403);
        AtomicReference<SipMessage> last = answersNextCall(gateway);
        assertThat(phone.dial("911").status()).as("disabled desk").isEqualTo(200);
        assertThat(last.get().header("Geolocation")).startsWith("<cid:");
        assertThat(core().emergency().list(acme.id(), 10)).as("an alert for each of the three calls").hasSize(3);
    }

    @Test
    void aDeskAtASiteSendsTheSitesAddressWithItsOwnFloorAndRoom() throws Exception {
        TestPhone gateway = gateway();
        routeEmergencyTo("sip:127.0.0.1:" + gateway.port());
        var hq = core().sites().create(acme.id(), "HQ", new CivicAddress("Headquarters", "US", "CA", "San Francisco",
                "Market Street", "1", "94105", "HQ", null, null, "+14155550100"), TestHotdesk.ADMIN);
        Device desk = hd.device(acme);
        desk = core().devices().setLocation(acme.id(), desk.id(),
                new CivicAddress(null, null, null, null, null, null, null, null, "4", "4.12"), TestHotdesk.ADMIN);
        desk = core().devices().setSite(acme.id(), desk.id(), hq, TestHotdesk.ADMIN);
        AtomicReference<SipMessage> atGateway = answersNextCall(gateway);

        assertThat(registeredDesk(desk).dial("911").status()).isEqualTo(200);

        assertCarriesTheDesksLocation(atGateway.get(), desk, core().devices().addressOf(desk));
        assertThat(atGateway.get().header("P-Asserted-Identity")).contains("+14155550100");
        assertThat(core().emergency().list(acme.id(), 1).get(0).location().room()).isEqualTo("4.12");
    }

    private void assertCarriesTheDesksLocation(SipMessage invite, Device desk) throws Exception {
        assertCarriesTheDesksLocation(invite, desk, desk.location());
    }

    private void assertCarriesTheDesksLocation(SipMessage invite, Device desk, CivicAddress l) throws Exception {
        String geolocation = invite.header("Geolocation");
        assertThat(geolocation).startsWith("<cid:");
        String contentId = geolocation.substring("<cid:".length(), geolocation.indexOf('>'));
        assertThat(invite.header("Geolocation-Routing")).isEqualTo("no");
        String contentType = invite.header("Content-Type");
        assertThat(contentType).startsWith("multipart/mixed");
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)").matcher(contentType);
        assertThat(b.find()).isTrue();
        String pidf = null;
        boolean sdp = false;
        for (String part : invite.body().split("--" + Pattern.quote(b.group(1)))) {
            if (part.contains("Content-Type: application/sdp") && part.contains("m=audio")) sdp = true;
            if (part.contains("Content-ID: <" + contentId + ">")) pidf = part.substring(part.indexOf("<?xml")).trim();
        }
        assertThat(sdp).as("the offer travels beside the location").isTrue();
        assertThat(pidf).as("the part the Geolocation header points at").isNotNull();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pidf.getBytes(StandardCharsets.UTF_8)));
        Element civic = (Element) doc.getElementsByTagNameNS(CIVIC, "civicAddress").item(0);
        assertThat(text(civic, "country")).isEqualTo(l.country());
        assertThat(text(civic, "A1")).isEqualTo(l.region());
        assertThat(text(civic, "A3")).isEqualTo(l.city());
        assertThat(text(civic, "RD")).isEqualTo(l.street());
        assertThat(text(civic, "HNO")).isEqualTo(l.houseNumber());
        assertThat(text(civic, "PC")).isEqualTo(l.postalCode());
        assertThat(text(civic, "BLD")).isEqualTo(l.building());
        assertThat(text(civic, "FLR")).isEqualTo(l.floor());
        assertThat(text(civic, "ROOM")).isEqualTo(l.room());
        assertThat(text(civic, "LOC")).isEqualTo(l.description());
        List<String> order = List.of("country", "A1", "A2", "A3", "A4", "A5", "A6", "PRM", "PRD", "RD", "STS", "POD",
                "POM", "RDSEC", "RDBR", "RDSUBBR", "HNO", "HNS", "LMK", "LOC", "FLR", "NAM", "PC", "BLD", "UNIT", "ROOM");
        List<Integer> positions = new java.util.ArrayList<>();
        for (var n = civic.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) positions.add(order.indexOf(e.getLocalName()));
        }
        assertThat(positions).as("RFC 5139 fields in its schema's order").doesNotContain(-1).isSorted();
        assertThat(doc.getDocumentElement().getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:data-model", "deviceID")
                .item(0).getTextContent()).isEqualTo("mac:" + desk.mac().value());
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(CIVIC, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** SIPp plays the emergency gateway; the desk calls 911, talks, hangs up; the INVITE as SIPp got it. */
    private SipMessage emergencyCallThroughSipp(Device desk) throws Exception {
        Path sipp = Peers.require("sipp", "sip-tester");
        Path xml = dir.resolve("emergency-gateway.xml");
        try (InputStream in = getClass().getResourceAsStream("/sipp/emergency-gateway.xml")) {
            Files.write(xml, in.readAllBytes());
        }
        int port = freePort();
        Path messages = dir.resolve("messages.log");
        Process gateway = new ProcessBuilder(sipp.toString(), "-sf", xml.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-timeout", "30", "-nostdin", "-trace_msg",
                "-message_file", messages.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            Thread.sleep(500); // SIPp binds its socket
            routeEmergencyTo("sip:127.0.0.1:" + port);
            TestPhone phone = registeredDesk(desk);

            TestPhone.Call call = phone.dial("911");
            assertThat(call.status()).isEqualTo(200);
            phone.ack(call.inviteText(), call.finalResponse());
            phone.hangUp(call);
            assertThat(phone.awaitFinal(call.callId(), "BYE").status()).isEqualTo(200);

            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(gateway.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(gateway.exitValue()).as(output).isZero();
        } finally {
            gateway.destroyForcibly();
        }
        String log = Files.readString(messages);
        int start = log.indexOf("INVITE sip:911@");
        assertThat(start).as(log).isNotNegative();
        int end = log.indexOf("\n-----", start);
        String text = log.substring(start, end < 0 ? log.length() : end).replace("\r\n", "\n").replace("\n", "\r\n");
        return SipMessage.parse(text);
    }

    private static int freePort() throws java.io.IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return udp.getLocalPort();
        }
    }
}
