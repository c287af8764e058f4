package org.hotdesk.provisioning.poly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.GoldenFiles;
import org.hotdesk.provisioning.render.SampleProfiles;
import org.hotdesk.provisioning.render.SpecialNames;
import org.hotdesk.provisioning.render.Xml;
import org.junit.jupiter.api.Test;

/*
 * Sources for the parameter names (shared/phones/VENDORS.md):
 * - §2.1 master file <mac>.cfg, MAC upper or lower case, <APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES=...>:
 *   Polycom SIP 3.1 admin guide http://audio.manualsonline.com/manuals/mfg/polycom/sip_31.html?p=156 ;
 *   per-MAC master served dynamically: https://github.com/excaliburpartners/polycomphones (provisioning/device.php)
 * - §2.2 reg.1.displayName/address/label/auth.*, reg.1.server.1.*, reg.1.outboundProxy.*, tcpIpApp.sntp.*:
 *   http://phone.manualsonline.com/manuals/mfg/polycom/sip_222.html?p=195 ;
 *   https://github.com/wazo-platform/wazo-provd-plugins/blob/2321a3f390c23b47e2b4e62348418c15bc8cc09b/plugins/wazo_polycom/common/templates/base.tpl ;
 *   https://github.com/wazo-platform/wazo-provd-plugins/blob/2321a3f390c23b47e2b4e62348418c15bc8cc09b/plugins/wazo_polycom/common/common.py#L190-L235 ;
 *   https://github.com/fusionpbx/fusionpbx/blob/c7a00dcb3e91bd91be17b01df838d6b98321b7e2/resources/templates/provision/polycom/6.x/%7B%24mac%7D.cfg
 * - §2.3 attendant.resourceList.N.address/label/type (normal): .../wazo_polycom/common/common.py#L252-L283 ;
 *   https://studylib.net/doc/18383840/using-statically-configured-busy-lamp-field ;
 *   feature codes as resources: https://github.com/excaliburpartners/polycomphones/blob/12b40d2a852f6cbd492ef80b16c1cb0de82d20f9/provisioning/exten.php
 * - §2.5 voIpProt.SIP.specialEvent.checkSync.alwaysReboot: https://www.rubydoc.info/gems/sip-notify/0.0.1/SipNotify
 *   (vendor description of "0" UNVERIFIED)
 */
class PolyRendererTest {
    private static final PolyRenderer RENDERER = new PolyRenderer();
    private static final MacAddress MAC = new MacAddress("001565aabbcc");

    private static ConfigFile settings(PhoneProfile profile) {
        return RENDERER.render(FileRequest.settings(profile.mac()), profile);
    }

    private static ConfigFile master(PhoneProfile profile) {
        return RENDERER.render(new FileRequest(profile.mac(), FileRequest.Part.INDEX), profile);
    }

    @Test
    void goldenFiles() {
        PhoneProfile idle = SampleProfiles.idle(Vendor.POLY, "VVX450");
        GoldenFiles.assertMatches("poly/master.cfg", master(idle));
        GoldenFiles.assertMatches("poly/idle.cfg", settings(idle));
        GoldenFiles.assertMatches("poly/in-session.cfg", settings(SampleProfiles.inSession(Vendor.POLY, "VVX450")));
    }

    @Test
    void masterFileNamesTheSettingsFileAndHoldsNoPassword() {
        ConfigFile master = master(SampleProfiles.inSession(Vendor.POLY, "VVX450"));
        assertThat(master.body()).contains("APP_FILE_PATH=\"sip.ld\"", "CONFIG_FILES=\"001565aabbcc-hotdesk.cfg\"")
                .doesNotContain("Dev1cePassw0rdXyZ", "hd001565aabbcc");
        assertThat(master.contentType()).startsWith("application/xml");
        Xml.parse(master);
    }

    @Test
    void theDevicePasswordIsInTheSettingsFile() {
        assertThat(settings(SampleProfiles.idle(Vendor.POLY, "VVX450")).body())
                .contains("reg.1.auth.password=\"Dev1cePassw0rdXyZ\"");
    }

    @Test
    void inSessionShowsAliceWithTheLogoutKeyFirstThenBob() {
        String body = settings(SampleProfiles.inSession(Vendor.POLY, "VVX450")).body();
        assertThat(body).contains("reg.1.displayName=\"Alice Smith\"", "reg.1.label=\"Alice Smith (1001)\"",
                "reg.1.address=\"hd001565aabbcc@acme.example\"");
        assertThat(body).contains("""
                    attendant.resourceList.1.address="00#"
                    attendant.resourceList.1.label="Log out"
                    attendant.resourceList.1.type="normal"
                    attendant.resourceList.2.address="1002"
                    attendant.resourceList.2.label="Bob"
                    attendant.resourceList.2.type="normal"
                    attendant.resourceList.3.address="+14155550123"
                    attendant.resourceList.3.label="Support"
                """);
    }

    @Test
    void idleOffersLoginAndKeepsNoTraceOfAlice() {
        String body = settings(SampleProfiles.idle(Vendor.POLY, "VVX450")).body();
        assertThat(body).contains("attendant.resourceList.1.address=\"*11\"", "attendant.resourceList.1.label=\"Log in\"",
                "reg.1.label=\"Hot desk \u2013 Desk 3\"");
        assertThat(body).doesNotContain("Alice", "1001", "1002", "Bob", "Support");
    }

    @Test
    void everyKeySlotIsWrittenSoThePreviousPersonsKeysAreCleared() {
        String body = settings(SampleProfiles.idle(Vendor.POLY, "VVX450")).body();
        assertThat(body).contains("attendant.resourceList." + PhoneProfile.KEY_SLOTS + ".address=\"\"",
                "attendant.resourceList.2.address=\"\"", "attendant.resourceList.2.label=\"\"");
        assertThat(body).doesNotContain("attendant.resourceList." + (PhoneProfile.KEY_SLOTS + 1) + ".");
    }

    @Test
    void registersInTheTenantDomainThroughTheProxy() {
        String body = settings(SampleProfiles.idle(Vendor.POLY, "VVX450")).body();
        assertThat(body).contains("reg.1.server.1.address=\"acme.example\"",
                "reg.1.outboundProxy.address=\"pbx.acme.example\"", "reg.1.outboundProxy.port=\"5060\"",
                "reg.1.outboundProxy.transport=\"UDPOnly\"", "reg.1.server.1.expires=\"500\"",
                "voIpProt.SIP.specialEvent.checkSync.alwaysReboot=\"0\"");
    }

    @Test
    void berlinIsOneHourAheadWithEuropeanSummerTime() {
        String body = settings(inBerlin(SampleProfiles.idle(Vendor.POLY, "VVX450"))).body();
        assertThat(body).contains("tcpIpApp.sntp.address=\"ntp.acme.example\"", "tcpIpApp.sntp.gmtOffset=\"3600\"",
                "tcpIpApp.sntp.daylightSavings.enable=\"1\"",
                // last Sunday of March at 2:00, last Sunday of October at 3:00
                "tcpIpApp.sntp.daylightSavings.start.month=\"3\"", "tcpIpApp.sntp.daylightSavings.start.time=\"2\"",
                "tcpIpApp.sntp.daylightSavings.start.dayOfWeek=\"1\"",
                "tcpIpApp.sntp.daylightSavings.start.dayOfWeek.lastInMonth=\"1\"",
                "tcpIpApp.sntp.daylightSavings.stop.month=\"10\"", "tcpIpApp.sntp.daylightSavings.stop.time=\"3\"");
    }

    @Test
    void withoutAnAccountTheRegistrationIsLeftOut() {
        PhoneProfile session = SampleProfiles.inSession(Vendor.POLY, "VVX450");
        PhoneLine line = session.firstLine();
        PhoneProfile heldByPhone = withLinesAndKeys(session,
                List.of(new PhoneLine(1, null, line.label(), line.displayName())), session.keys());
        String body = settings(heldByPhone).body();
        assertThat(body).contains("reg.1.displayName=\"Alice Smith\"")
                .doesNotContain("reg.1.address", "reg.1.auth", "reg.1.server", "reg.1.outboundProxy", "Dev1cePassw0rdXyZ");
    }

    @Test
    void aHotDeskKeyWhichPolyCannotHaveStaysAnEmptySlot() {
        PhoneProfile session = SampleProfiles.inSession(Vendor.POLY, "VVX450");
        PhoneProfile withHotDeskKey = withLinesAndKeys(session, session.lines(),
                List.of(new ProfileKey(ProfileKey.Kind.HOT_DESK, "", "Log out"), new ProfileKey(ProfileKey.Kind.BLF, "1002", "Bob")));
        assertThat(settings(withHotDeskKey).body()).contains("""
                    attendant.resourceList.1.address=""
                    attendant.resourceList.1.label=""
                """).contains("attendant.resourceList.2.address=\"1002\"");
    }

    @Test
    void xmlSpecialCharactersInANameAreEscaped() {
        ConfigFile file = settings(SpecialNames.inSession(Vendor.POLY, "VVX450"));
        assertThat(file.body()).contains("reg.1.displayName=\"" + SpecialNames.ESCAPED + "\"")
                .doesNotContain(SpecialNames.NAME);
        assertThat(Xml.parse(file).getDocumentElement().getNodeName()).isEqualTo("polycomConfig");
    }

    @Test
    void parseAcceptsTheMasterAndSettingsFilesInEitherCase() {
        assertThat(RENDERER.parse("001565aabbcc.cfg")).contains(new FileRequest(MAC, FileRequest.Part.INDEX));
        assertThat(RENDERER.parse("001565AABBCC.cfg")).contains(new FileRequest(MAC, FileRequest.Part.INDEX));
        assertThat(RENDERER.parse("001565aabbcc-hotdesk.cfg")).contains(FileRequest.settings(MAC));
        assertThat(RENDERER.parse("001565AABBCC-hotdesk.cfg")).contains(FileRequest.settings(MAC));
    }

    @Test
    void parseRejectsTheDefaultMasterTheFilesThePhoneUploadsAndOthers() {
        for (String name : List.of("000000000000.cfg", "001565aabbcc-phone.cfg", "001565aabbcc-web.cfg",
                "001565aabbcc-directory.xml", "001565aabbcc-app.log", "sip.ld", "001565aabbc.cfg",
                "001565aabbccd.cfg", "prov/001565aabbcc.cfg", "001565aabbcc.cfg/", "", "ffffffffffff.cfg",
                "snomD785-001565AABBCC.htm")) {
            assertThat(RENDERER.parse(name)).as(name).isEmpty();
        }
    }

    @Test
    void aZoneWithoutSummerTimeTurnsItOff() {
        String body = settings(inZone(SampleProfiles.idle(Vendor.POLY, "VVX450"), "UTC")).body();
        assertThat(body).contains("tcpIpApp.sntp.gmtOffset=\"0\"", "tcpIpApp.sntp.daylightSavings.enable=\"0\"")
                .doesNotContain("daylightSavings.start");
    }

    private static PhoneProfile inBerlin(PhoneProfile p) {
        return inZone(p, "Europe/Berlin");
    }

    private static PhoneProfile inZone(PhoneProfile p, String zone) {
        return new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(),
                TimeZoneInfo.of(ZoneId.of(zone), SampleProfiles.NOW), p.registerExpirySeconds(),
                p.screenTitle(), p.lines(), p.keys(), p.phoneKeyMode());
    }

    private static PhoneProfile withLinesAndKeys(PhoneProfile p, List<PhoneLine> lines, List<ProfileKey> keys) {
        return new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(), p.timeZone(),
                p.registerExpirySeconds(), p.screenTitle(), lines, keys, p.phoneKeyMode());
    }
}
