package org.hotdesk.provisioning.snom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.GoldenFiles;
import org.hotdesk.provisioning.render.SampleProfiles;
import org.hotdesk.provisioning.render.SpecialNames;
import org.hotdesk.provisioning.render.Xml;
import org.junit.jupiter.api.Test;

/*
 * Sources for the setting names (shared/phones/VENDORS.md):
 * - §3.1 snom<model>.htm then snom<model>-<MAC>.htm, MAC upper case: https://service.snom.com/display/wiki/Auto+Provisioning ;
 *   https://github.com/wazo-platform/wazo-provd-plugins/blob/2321a3f390c23b47e2b4e62348418c15bc8cc09b/plugins/wazo_snom/common/common.py#L323-L326
 * - §3.2 user_active, user_host, user_outbound (host:port;transport=...), user_name, user_pname, user_pass,
 *   user_realname, user_idle_text, user_expiry, ntp_server, timezone:
 *   https://github.com/wazo-platform/wazo-provd-plugins/blob/2321a3f390c23b47e2b4e62348418c15bc8cc09b/plugins/wazo_snom/common/templates/base.tpl ;
 *   https://github.com/fusionpbx/fusionpbx/blob/c7a00dcb3e91bd91be17b01df838d6b98321b7e2/resources/templates/provision/snom/D785/%7B%24mac%7D.xml#L8-L79 ;
 *   perm R / RW: Snom D7 manual https://www.easymanua.ls/snom/d7/manual?p=20 ;
 *   timezone as country code + offset (GER+1): .../wazo_snom/common/common.py (_add_timezone) — list not read, UNVERIFIED
 * - §3.3 <functionKeys><fkey idx context label perm>, idx 0-based, "speed", "blf", "keyevent", "none":
 *   https://service.snom.com/display/wiki/Function+Key+Types ; https://service.snom.com/display/wiki/%3CfunctionKeys%3E+tag
 * - §3.4 keyevent F_LOGOFF_ALL + logon_wizard: http://wiki.snom.com/Features/Hot_Desking ;
 *   https://libble.eu/snom-d765/online-manual-743631/?page=0090
 * - §3.5 check-sync;reboot=false, checksync_action (empty = follow the event): https://service.snom.com/display/wiki/checksync_action
 */
class SnomRendererTest {
    private static final SnomRenderer RENDERER = new SnomRenderer();
    private static final MacAddress MAC = new MacAddress("001565aabbcc");

    private static ConfigFile render(PhoneProfile profile) {
        return RENDERER.render(FileRequest.settings(profile.mac()), profile);
    }

    @Test
    void goldenFiles() {
        GoldenFiles.assertMatches("snom/idle.xml", render(SampleProfiles.idle(Vendor.SNOM, "D785")));
        GoldenFiles.assertMatches("snom/in-session.xml", render(SampleProfiles.inSession(Vendor.SNOM, "D785")));
        GoldenFiles.assertMatches("snom/phone-key-idle.xml", render(SampleProfiles.phoneKeyIdle(Vendor.SNOM, "D785")));
        GoldenFiles.assertMatches("snom/phone-key-in-session.xml",
                render(SampleProfiles.phoneKeyInSession(Vendor.SNOM, "D785")));
    }

    @Test
    void inSessionShowsAliceWithTheLogoutKeyFirstThenBob() {
        ConfigFile file = render(SampleProfiles.inSession(Vendor.SNOM, "D785"));
        assertThat(file.body()).contains(
                "<user_realname idx=\"1\" perm=\"R\">Alice Smith</user_realname>",
                "<user_idle_text idx=\"1\" perm=\"R\">Alice Smith (1001)</user_idle_text>",
                """
                    <fkey idx="0" context="active" label="Log out" perm="R">speed 00#</fkey>
                    <fkey idx="1" context="active" label="Bob" perm="R">blf 1002</fkey>
                    <fkey idx="2" context="active" label="Support" perm="R">speed +14155550123</fkey>
                    <fkey idx="3" context="active" label="" perm="R">none</fkey>
                """);
        assertThat(file.contentType()).startsWith("application/xml");
        Xml.parse(file);
    }

    @Test
    void idleOffersLoginAndKeepsNoTraceOfAlice() {
        String body = render(SampleProfiles.idle(Vendor.SNOM, "D785")).body();
        assertThat(body).contains("<fkey idx=\"0\" context=\"active\" label=\"Log in\" perm=\"R\">speed *11</fkey>",
                "<user_idle_text idx=\"1\" perm=\"R\">Hot desk \u2013 Desk 3</user_idle_text>",
                "<logon_wizard perm=\"R\">off</logon_wizard>");
        assertThat(body).doesNotContain("Alice", "1001", "1002", "Bob", "Support");
    }

    @Test
    void identityOneRegistersInTheTenantDomainThroughTheProxyWithTheDeviceAccount() {
        String body = render(SampleProfiles.idle(Vendor.SNOM, "D785")).body();
        assertThat(body).contains(
                "<user_active idx=\"1\" perm=\"R\">on</user_active>",
                "<user_host idx=\"1\" perm=\"R\">acme.example</user_host>",
                "<user_outbound idx=\"1\" perm=\"R\">pbx.acme.example:5060;transport=udp</user_outbound>",
                "<user_name idx=\"1\" perm=\"R\">hd001565aabbcc</user_name>",
                "<user_pass idx=\"1\" perm=\"R\">Dev1cePassw0rdXyZ</user_pass>",
                "<user_expiry idx=\"1\" perm=\"R\">500</user_expiry>",
                "<ntp_server perm=\"R\">ntp.acme.example</ntp_server>",
                "<checksync_action perm=\"R\"></checksync_action>");
    }

    @Test
    void berlinIsGermanysTimeZone() {
        PhoneProfile p = SampleProfiles.idle(Vendor.SNOM, "D785");
        PhoneProfile berlin = new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(),
                TimeZoneInfo.of(ZoneId.of("Europe/Berlin"), SampleProfiles.NOW), p.registerExpirySeconds(),
                p.screenTitle(), p.lines(), p.keys(), p.phoneKeyMode());
        assertThat(render(berlin).body()).contains("<timezone perm=\"R\">GER+1</timezone>");
    }

    @Test
    void aZoneWithoutAKnownSnomNameIsLeftToThePhone() {
        // UTC is not in SnomTimeZone's list
        PhoneProfile p = SampleProfiles.idle(Vendor.SNOM, "D785");
        PhoneProfile utc = new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(),
                TimeZoneInfo.of(ZoneId.of("UTC"), SampleProfiles.NOW), p.registerExpirySeconds(),
                p.screenTitle(), p.lines(), p.keys(), p.phoneKeyMode());
        assertThat(render(utc).body()).doesNotContain("<timezone");
    }

    @Test
    void everyKeySlotIsWrittenSoThePreviousPersonsKeysAreCleared() {
        String body = render(SampleProfiles.idle(Vendor.SNOM, "D785")).body();
        assertThat(body.split("<fkey ", -1)).hasSize(PhoneProfile.KEY_SLOTS + 1);
        assertThat(body).contains("<fkey idx=\"" + (PhoneProfile.KEY_SLOTS - 1) + "\" context=\"active\" label=\"\" perm=\"R\">none</fkey>");
    }

    @Test
    void phoneKeyModeIdleOffersSnomsOwnHotDeskKeyAndTheLogonWizard() {
        String body = render(SampleProfiles.phoneKeyIdle(Vendor.SNOM, "D785")).body();
        assertThat(body).contains(
                "<fkey idx=\"0\" context=\"active\" label=\"Hot desk\" perm=\"R\">keyevent F_LOGOFF_ALL</fkey>",
                "<logon_wizard perm=\"R\">on</logon_wizard>",
                // the wizard will write the person's account over the desk's
                "<user_pass idx=\"1\" perm=\"RW\">Dev1cePassw0rdXyZ</user_pass>");
    }

    @Test
    void loggedInWithThePhonesOwnKeyTheAccountIsLeftOutSoThePersonStaysRegistered() {
        String body = render(SampleProfiles.phoneKeyInSession(Vendor.SNOM, "D785")).body();
        assertThat(body).doesNotContain("<user_active", "<user_host", "<user_outbound", "<user_name", "<user_pname",
                "<user_pass", "<user_expiry", "Dev1cePassw0rdXyZ");
        assertThat(body).contains(
                "<user_realname idx=\"1\" perm=\"R\">Alice Smith</user_realname>",
                "<fkey idx=\"0\" context=\"active\" label=\"Log out\" perm=\"R\">keyevent F_LOGOFF_ALL</fkey>",
                "<fkey idx=\"1\" context=\"active\" label=\"Bob\" perm=\"R\">blf 1002</fkey>",
                "<logon_wizard perm=\"R\">on</logon_wizard>");
    }

    @Test
    void xmlSpecialCharactersInANameAreEscaped() {
        ConfigFile file = render(SpecialNames.inSession(Vendor.SNOM, "D785"));
        assertThat(file.body()).contains("<user_realname idx=\"1\" perm=\"R\">" + SpecialNames.ESCAPED + "</user_realname>")
                .doesNotContain(SpecialNames.NAME);
        assertThat(Xml.parse(file).getDocumentElement().getNodeName()).isEqualTo("settings");
    }

    @Test
    void parseAcceptsTheMacFileInAnyCase() {
        assertThat(RENDERER.parse("snomD785-001565AABBCC.htm")).contains(FileRequest.settings(MAC));
        assertThat(RENDERER.parse("snomD785-001565aabbcc.htm")).contains(FileRequest.settings(MAC));
        assertThat(RENDERER.parse("snom725-001565AaBbCc.htm")).contains(FileRequest.settings(MAC));
    }

    @Test
    void parseRejectsTheModelFileAndOthers() {
        for (String name : List.of("snomD785.htm", "snomD785-000000000000.htm", "snomD785-001565AABBCC.xml",
                "snom-001565AABBCC.htm", "snomD785-001565AABBC.htm", "prov/snomD785-001565AABBCC.htm",
                "001565AABBCC.xml", "001565aabbcc.cfg", "")) {
            assertThat(RENDERER.parse(name)).as(name).isEmpty();
        }
    }
}
