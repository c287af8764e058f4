package org.hotdesk.provisioning.grandstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.GoldenFiles;
import org.hotdesk.provisioning.render.SampleProfiles;
import org.junit.jupiter.api.Test;

/*
 * Sources (shared/phones/VENDORS.md; W = wazo-platform/wazo-provd-plugins @2321a3f, F = fusionpbx/fusionpbx @c7a00dc):
 * - File names cfg<mac>.xml / cfg<mac>(.bin) / cfg<model>.xml / cfg.xml: §4.1, Grandstream SIP Device Provisioning Guide
 *   https://documentation.grandstream.com/knowledge-base/sip-device-provisioning-guide/ ; W/plugins/wazo_grandstream/common/common.py#L200-L203
 * - <gs_provision version="1">, config version 1 (P-values) and 2 (aliases): §4.1, W/.../common/templates/base.tpl, base_v2.tpl
 * - Desk phone aliases account.1.* (enable, name, sip.server.1.address, sip.outboundProxy.1.address, sip.userid,
 *   sip.subscriber.userid/password/name, sip.registerExpiration in minutes, sip.transport), dateTime.ntp.server.1,
 *   dateTime.timezone: §4.2, F/resources/templates/provision/grandstream/gxp2170/{$mac}.xml, W/.../base_v2.tpl.
 *   Not in VENDORS.md, read in the same GXP2170 template: account.1.sip.registration, dateTime.timezone.custom,
 *   dateTime.override.dhcp.allowOption2.
 * - Keys pks.vpk.N.keyMode/account/description/value, modes SpeedDial, BLF, Line, None: §4.3, F/.../gxp2170/{$mac}.xml,
 *   W/plugins/wazo_grandstream/common/common.py#L49-L55. P23000 (§4.3 legacy block) is the extension board in
 *   F/.../gxp21xx/{$mac}.xml ("Extension Board 1 Settings. mode 23000") and F/.../grp2612 (pks.ext = P23000): not used.
 * - Public Mode hotdesking.enable: §4.4, F/.../gxp2170/{$mac}.xml (P1345 in F/.../gxp2100, gxp17xx, grp26xx).
 * - NOTIFY: Event resync §4.5, https://github.com/fusionpbx/fusionpbx/pull/3014 ; P4428 = 1 disables NOTIFY authentication
 *   (F/.../ht802/{$mac}.xml); sip.notify.challenge = No (F/.../gxp2170; inverted alias per F/.../grp261x "Invert_Yes_No").
 * - HT80x port 1 P271/P47/P48/P130/P35/P36/P34/P3/P31/P32, NTP P30, P64 "customize" + P246 POSIX TZ, P143:
 *   §4.2, F/.../ht802/{$mac}.xml. Port 2 P401/P747/P748/P735/P736/P734/P703/P732: §4.7, F/.../ht802/{$mac}.xml,
 *   W/plugins/wazo_grandstream/common_ata/templates/HT802V2.tpl; P731/P830 from the same HT802 template.
 * - HT81x (HT814, HT818) profile 1 P271/P47/P2312 (outbound proxy)/P130/P31/P32 and FXS port n SIP User ID P4060+n-1,
 *   Authenticate ID P4090+n-1, Password P4120+n-1, Name P4180+n-1, Profile ID P4150+n-1, Enable Port P4595+n-1:
 *   F/resources/templates/provision/grandstream/ht814/{$mac}.xml (FXS Port 1-4), …/ht818/{$mac}.xml (FXS Port 1-8).
 */
class GrandstreamRendererTest {
    private final GrandstreamRenderer renderer = new GrandstreamRenderer();

    private ConfigFile render(PhoneProfile profile) {
        return renderer.render(FileRequest.settings(profile.mac()), profile);
    }

    private static PhoneProfile withLines(PhoneProfile p, String model, List<PhoneLine> lines) {
        return new PhoneProfile(p.mac(), p.vendor(), model, p.server(), p.ntpServer(), p.timeZone(),
                p.registerExpirySeconds(), p.screenTitle(), lines, p.keys(), p.phoneKeyMode());
    }

    @Test
    void idleDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("grandstream/idle.xml", render(SampleProfiles.idle(Vendor.GRANDSTREAM, "GXP2170")));
    }

    @Test
    void inSessionDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("grandstream/in-session.xml",
                render(SampleProfiles.inSession(Vendor.GRANDSTREAM, "GXP2170")));
    }

    @Test
    void phoneKeyIdleDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("grandstream/phone-key-idle.xml",
                render(SampleProfiles.phoneKeyIdle(Vendor.GRANDSTREAM, "GXP2170")));
    }

    @Test
    void phoneKeyInSessionDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("grandstream/phone-key-in-session.xml",
                render(SampleProfiles.phoneKeyInSession(Vendor.GRANDSTREAM, "GXP2170")));
    }

    @Test
    void twoPortAtaMatchesGoldenFile() {
        GoldenFiles.assertMatches("grandstream/ht802-2-lines.xml",
                render(SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT802")));
    }

    @Test
    void inSessionShowsThePersonWithLogoutFirstThenTheirBlf() {
        String body = render(SampleProfiles.inSession(Vendor.GRANDSTREAM, "GXP2170")).body();
        assertThat(body)
                .contains("<item name=\"account.1.name\">1001 Alice Smith</item>")
                .contains("<item name=\"account.1.sip.subscriber.name\">Alice Smith</item>")
                .contains("<item name=\"hotdesking.enable\">No</item>")
                .contains("""
                            <item name="pks.vpk.2.keyMode">SpeedDial</item>
                            <item name="pks.vpk.2.account">0</item>
                            <item name="pks.vpk.2.description">Log out</item>
                            <item name="pks.vpk.2.value">00#</item>
                            <item name="pks.vpk.3.keyMode">BLF</item>
                            <item name="pks.vpk.3.account">0</item>
                            <item name="pks.vpk.3.description">Bob</item>
                            <item name="pks.vpk.3.value">1002</item>
                        """);
    }

    @Test
    void idleShowsLoginAndNoTraceOfAlice() {
        String body = render(SampleProfiles.idle(Vendor.GRANDSTREAM, "GXP2170")).body();
        assertThat(body)
                .contains("<item name=\"pks.vpk.2.description\">Log in</item>")
                .contains("<item name=\"account.1.name\">Hot desk \u2013 Desk 3</item>")
                .doesNotContain("Alice").doesNotContain("1001").doesNotContain("Bob").doesNotContain("Support");
    }

    @Test
    void everyKeySlotIsWrittenAndUnusedOnesAreCleared() {
        String body = render(SampleProfiles.inSession(Vendor.GRANDSTREAM, "GXP2170")).body();
        int lastVpk = PhoneProfile.KEY_SLOTS + DeskPhoneConfig.FIRST_KEY_VPK - 1;
        assertThat(body).contains("<item name=\"pks.vpk.1.keyMode\">Line</item>")
                .contains("<item name=\"pks.vpk.5.keyMode\">None</item>")
                .contains("<item name=\"pks.vpk." + lastVpk + ".keyMode\">None</item>")
                .contains("<item name=\"pks.vpk." + lastVpk + ".value\"></item>")
                .doesNotContain("pks.vpk." + (lastVpk + 1) + ".");
    }

    @Test
    void phoneKeyModeTurnsOnPublicModeAndLeavesTheHotDeskSlotCleared() {
        String idle = render(SampleProfiles.phoneKeyIdle(Vendor.GRANDSTREAM, "GXP2170")).body();
        assertThat(idle).contains("<item name=\"hotdesking.enable\">Yes</item>")
                .contains("<item name=\"pks.vpk.2.keyMode\">None</item>")
                .contains("<item name=\"account.1.sip.userid\">hd001565aabbcc</item>");
    }

    @Test
    void loggedInWithThePhonesOwnKeyLeavesTheAccountOut() {
        String body = render(SampleProfiles.phoneKeyInSession(Vendor.GRANDSTREAM, "GXP2170")).body();
        assertThat(body).doesNotContain("account.1.").doesNotContain("Dev1cePassw0rdXyZ")
                .contains("<item name=\"hotdesking.enable\">Yes</item>")
                .contains("<item name=\"pks.vpk.3.keyMode\">BLF</item>");
    }

    @Test
    void deskRegistersInTheTenantDomainThroughOurProxyWithExpiryInMinutes() {
        String body = render(SampleProfiles.idle(Vendor.GRANDSTREAM, "GXP2170")).body();
        assertThat(body)
                .contains("<item name=\"account.1.sip.server.1.address\">acme.example</item>")
                .contains("<item name=\"account.1.sip.outboundProxy.1.address\">pbx.acme.example:5060</item>")
                .contains("<item name=\"account.1.sip.registerExpiration\">9</item>") // 500 s rounded up
                .contains("<item name=\"dateTime.timezone\">customize</item>")
                .contains("<item name=\"sip.notify.challenge\">No</item>");
    }

    @Test
    void ataHasBothPortsAndAliceOnPortOneOnly() {
        String body = render(SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT802")).body();
        assertThat(body)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gs_provision version=\"1\">\n  <config version=\"1\">")
                .contains("<P35>hd000b82aabb01p1</P35>", "<P34>Port1Passw0rdAbCd</P34>", "<P3>Alice Smith</P3>")
                .contains("<P735>hd000b82aabb01p2</P735>", "<P734>Port2Passw0rdEfGh</P734>",
                        "<P703>Lobby ATA line 2</P703>")
                .contains("<P47>acme.example</P47>", "<P747>acme.example</P747>")
                .contains("<P32>9</P32>", "<P732>9</P732>", "<P4428>1</P4428>", "<P64>customize</P64>",
                        "<P143>0</P143>")
                .doesNotContain("pks.").doesNotContain("<P270>");
        assertThat(body.indexOf("Alice")).isEqualTo(body.lastIndexOf("Alice"));
    }

    /** Port n of the sample gateway, with Alice on port 1 as in {@link SampleProfiles#gateway}. */
    private static List<PhoneLine> ports(PhoneProfile sample, int count) {
        List<PhoneLine> lines = new ArrayList<>(sample.lines());
        for (int n = 3; n <= count; n++) {
            lines.add(new PhoneLine(n, new PhoneLine.Account("hd000b82aabb01p" + n, "Port" + n + "Passw0rd"), "",
                    "Lobby ATA line " + n));
        }
        return lines;
    }

    @Test
    void ht814HasAllFourPortsOnProfileOne() {
        PhoneProfile sample = SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT814");
        String body = render(withLines(sample, "HT814", ports(sample, 4))).body();
        assertThat(body)
                // profile 1, shared by the ports: the tenant's domain through our proxy, expiry in minutes
                .contains("<P271>1</P271>", "<P47>acme.example</P47>", "<P2312>pbx.acme.example:5060</P2312>",
                        "<P130>0</P130>", "<P31>1</P31>", "<P32>9</P32>")
                .contains("<P4060>hd000b82aabb01p1</P4060>", "<P4090>hd000b82aabb01p1</P4090>",
                        "<P4120>Port1Passw0rdAbCd</P4120>", "<P4180>Alice Smith</P4180>", "<P4150>0</P4150>",
                        "<P4595>1</P4595>")
                .contains("<P4061>hd000b82aabb01p2</P4061>", "<P4121>Port2Passw0rdEfGh</P4121>",
                        "<P4181>Lobby ATA line 2</P4181>", "<P4596>1</P4596>")
                .contains("<P4062>hd000b82aabb01p3</P4062>", "<P4092>hd000b82aabb01p3</P4092>",
                        "<P4122>Port3Passw0rd</P4122>", "<P4182>Lobby ATA line 3</P4182>", "<P4152>0</P4152>",
                        "<P4597>1</P4597>")
                .contains("<P4063>hd000b82aabb01p4</P4063>", "<P4093>hd000b82aabb01p4</P4093>",
                        "<P4123>Port4Passw0rd</P4123>", "<P4183>Lobby ATA line 4</P4183>", "<P4153>0</P4153>",
                        "<P4598>1</P4598>")
                .contains("<P4428>1</P4428>", "<P64>customize</P64>", "<P143>0</P143>")
                // no HT80x account P-values, which an HT81x reads differently or not at all
                .doesNotContain("<P35>", "<P34>", "<P3>", "<P48>", "<P401>", "<P735>", "<P747>")
                .doesNotContain("<P4064>", "<P4599>");
        assertThat(body.indexOf("Alice")).isEqualTo(body.lastIndexOf("Alice"));
    }

    @Test
    void ht818WithEightPortsMatchesGoldenFile() {
        PhoneProfile sample = SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT818");
        ConfigFile file = render(withLines(sample, "HT818", ports(sample, 8)));
        GoldenFiles.assertMatches("grandstream/ht818-8-lines.xml", file);
        for (int n = 1; n <= 8; n++) {
            assertThat(file.body()).contains("<P" + (4059 + n) + ">hd000b82aabb01p" + n + "</P" + (4059 + n) + ">",
                    "<P" + (4089 + n) + ">hd000b82aabb01p" + n + "</P", "<P" + (4119 + n) + ">Port" + n,
                    "<P" + (4149 + n) + ">0</P", "<P" + (4594 + n) + ">1</P");
        }
    }

    @Test
    void aLineOnAPortTheModelLacksIsLeftOutAndTheOthersAreServed() {
        PhoneProfile sample = SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT802");
        // stored before such gateways were refused
        String ht802 = render(withLines(sample, "HT802", ports(sample, 4))).body();
        assertThat(ht802).contains("<P35>hd000b82aabb01p1</P35>", "<P735>hd000b82aabb01p2</P735>")
                .doesNotContain("p3").doesNotContain("p4").doesNotContain("Port3").doesNotContain("<P4062>");
        // an HT814 has no port 5, though the HT81x numbering would reach it
        String ht814 = render(withLines(sample, "HT814", ports(sample, 5))).body();
        assertThat(ht814).contains("<P4063>hd000b82aabb01p4</P4063>").doesNotContain("p5").doesNotContain("<P4064>");
        // a model we do not know: the ports one account each reaches
        String unknown = render(withLines(sample, null, ports(sample, 3))).body();
        assertThat(unknown).contains("<P35>hd000b82aabb01p1</P35>", "<P735>hd000b82aabb01p2</P735>")
                .doesNotContain("p3");
    }

    @Test
    void aSinglePortHtIsAnAta() {
        PhoneProfile two = SampleProfiles.gateway(Vendor.GRANDSTREAM, "HT801");
        String body = render(withLines(two, "HT801", List.of(two.lines().get(0)))).body();
        assertThat(body).contains("<P35>hd000b82aabb01p1</P35>").doesNotContain("P7").doesNotContain("<item");
    }

    @Test
    void xmlSpecialCharactersInANameAreEscaped() {
        PhoneProfile p = SampleProfiles.inSession(Vendor.GRANDSTREAM, "GXP2170");
        PhoneLine line = p.firstLine();
        String name = "Zoë O'Brien & <Sons> \"QA\"";
        String body = render(withLines(p, p.model(),
                List.of(new PhoneLine(1, line.account(), "1001 " + name, name)))).body();
        assertThat(body)
                .contains("<item name=\"account.1.sip.subscriber.name\">Zoë O&apos;Brien &amp; &lt;Sons&gt; &quot;QA&quot;</item>")
                .doesNotContain("<Sons>").doesNotContain("& <");
    }

    @Test
    void parseAcceptsThePerMacXmlInAnyCase() {
        MacAddress mac = new MacAddress("000b82aabb01");
        assertThat(renderer.parse("cfg000b82aabb01.xml")).contains(FileRequest.settings(mac));
        assertThat(renderer.parse("cfg000B82AABB01.xml")).contains(FileRequest.settings(mac));
    }

    @Test
    void parseRejectsBinaryCommonAndForeignNames() {
        assertThat(renderer.parse("cfg000b82aabb01")).isEmpty();
        assertThat(renderer.parse("cfg000b82aabb01.bin")).isEmpty();
        assertThat(renderer.parse("cfg.xml")).isEmpty();
        assertThat(renderer.parse("cfggxp2170.xml")).isEmpty();
        assertThat(renderer.parse("cfght802.xml")).isEmpty();
        assertThat(renderer.parse("000b82aabb01.cfg")).isEmpty();
        assertThat(renderer.parse("cfg000b82aabb01.xml.bak")).isEmpty();
        assertThat(renderer.parse("cfg000000000000.xml")).isEmpty();
    }

    @Test
    void aFileIsNeverRenderedFromAnotherDevicesProfile() {
        PhoneProfile desk = SampleProfiles.idle(Vendor.GRANDSTREAM, "GXP2170");
        assertThatThrownBy(() -> renderer.render(FileRequest.settings(new MacAddress("000b82aabb01")), desk))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
