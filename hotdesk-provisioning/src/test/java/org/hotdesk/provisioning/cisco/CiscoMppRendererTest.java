package org.hotdesk.provisioning.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.Seat;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.GoldenFiles;
import org.hotdesk.provisioning.render.SampleProfiles;
import org.junit.jupiter.api.Test;

/*
 * Sources (shared/phones/VENDORS.md §0, §5, §7):
 * - files and macros ($MA.xml, $PSN.xml, cp-phone.xml, spa$PSN.cfg): §5.1,
 *   https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/cuipph/MPP/8800/english/AG/p881_b_8800-mpp-ag_new/p881_b_8800-mpp-ag_chapter_01010.html ,
 *   https://easymanua.ls/cisco/7821/manual/1196?p=159 ,
 *   https://github.com/wazo-platform/wazo-provd-plugins/blob/2321a3f390c23b47e2b4e62348418c15bc8cc09b/plugins/wazo_cisco_sip/v12_0_7/entry.py
 * - line parameters, NTP, Time_Zone, Daylight_Saving_Time_Rule: §5.2, Wazo v12_0_7 base.tpl / common.py _format_tzinfo,
 *   FusionPBX resources/templates/provision/cisco/8841/{$mac}.xml ; rule syntax (weekday 1-7 = Mon-Sun, day -1 = last):
 *   https://www.easymanua.ls/cisco/penteledata-8800-series/manual/1540324?p=426
 * - line keys Extension_n_ / Extended_Function_n_ fnc=sd / fnc=sd+blf+cp: §5.3, Wazo v12_0_7 common.py#L238-L280
 * - Resync_From_SIP, Auth_Resync-Reboot_n_ (UNVERIFIED): §5.5, https://www.easymanua.ls/cisco/ip-phone-6851/manual?p=182
 * - ATA191/192 per-port _n_ blocks: §5.7, Wazo v11_1_0 templates
 * - clearing the previous person's keys: §7.2
 */
class CiscoMppRendererTest {
    private final CiscoMppRenderer renderer = new CiscoMppRenderer();
    private final FileRequest request = FileRequest.settings(new MacAddress("001565aabbcc"));

    @Test
    void idleDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("cisco/idle.xml",
                renderer.render(request, SampleProfiles.idle(Vendor.CISCO, "CP-8841-3PCC")));
    }

    @Test
    void inSessionDeskMatchesGoldenFile() {
        GoldenFiles.assertMatches("cisco/in-session.xml",
                renderer.render(request, SampleProfiles.inSession(Vendor.CISCO, "CP-8841-3PCC")));
    }

    @Test
    void twoPortAtaMatchesGoldenFile() {
        PhoneProfile gateway = SampleProfiles.gateway(Vendor.CISCO, "ATA191");
        GoldenFiles.assertMatches("cisco/ata191-2-lines.xml",
                renderer.render(FileRequest.settings(gateway.mac()), gateway));
    }

    @Test
    void inSessionShowsTheUserAndPutsLogoutThenBlfAfterTheLineKey() {
        String xml = render(SampleProfiles.inSession(Vendor.CISCO, "CP-8841-3PCC"));
        assertThat(xml)
                .contains("<Station_Display_Name ua=\"na\">Alice Smith (1001)</Station_Display_Name>")
                .contains("<Display_Name_1_ ua=\"na\">Alice Smith</Display_Name_1_>")
                .contains("<Short_Name_1_ ua=\"na\">1001 Alice Smith</Short_Name_1_>")
                .contains("<Extension_1_ ua=\"na\">1</Extension_1_>")
                .contains("<Extension_2_ ua=\"na\">Disabled</Extension_2_>")
                .contains("<Extended_Function_2_ ua=\"na\">fnc=sd;ext=00#@$PROXY;nme=Log out</Extended_Function_2_>")
                .contains("<Extended_Function_3_ ua=\"na\">fnc=sd+blf+cp;sub=1002@$PROXY;nme=Bob</Extended_Function_3_>")
                .contains("<Extended_Function_4_ ua=\"na\">fnc=sd;ext=+14155550123@$PROXY;nme=Support</Extended_Function_4_>");
    }

    @Test
    void everyKeySlotIsWrittenAndUnusedOnesAreEmpty() {
        String xml = render(SampleProfiles.inSession(Vendor.CISCO, "CP-8841-3PCC"));
        int lastKey = PhoneProfile.KEY_SLOTS + 1;
        assertThat(xml)
                .contains("<Extended_Function_5_ ua=\"na\"></Extended_Function_5_>")
                .contains("<Short_Name_5_ ua=\"na\"></Short_Name_5_>")
                .contains("<Extended_Function_" + lastKey + "_ ua=\"na\"></Extended_Function_" + lastKey + "_>")
                .doesNotContain("Extended_Function_" + (lastKey + 1) + "_");
        assertThat(count(xml, "<Extension_")).isEqualTo(PhoneProfile.KEY_SLOTS + 1);
    }

    @Test
    void idleHasTheLoginKeyAndNoTraceOfThePreviousPerson() {
        String xml = render(SampleProfiles.idle(Vendor.CISCO, "CP-8841-3PCC"));
        assertThat(xml)
                .contains("<Station_Display_Name ua=\"na\">Hot desk \u2013 Desk 3</Station_Display_Name>")
                .contains("<Extended_Function_2_ ua=\"na\">fnc=sd;ext=*11@$PROXY;nme=Log in</Extended_Function_2_>")
                .contains("<Extended_Function_3_ ua=\"na\"></Extended_Function_3_>")
                .doesNotContain("Alice").doesNotContain("Smith").doesNotContain("1001")
                .doesNotContain("Bob").doesNotContain("1002").doesNotContain("Support");
    }

    @Test
    void registersInTheTenantDomainThroughThisServer() {
        String xml = render(SampleProfiles.idle(Vendor.CISCO, "CP-8841-3PCC"));
        assertThat(xml)
                .contains("<Proxy_1_ ua=\"na\">acme.example</Proxy_1_>")
                .contains("<Outbound_Proxy_1_ ua=\"na\">pbx.acme.example:5060</Outbound_Proxy_1_>")
                .contains("<Use_Outbound_Proxy_1_ ua=\"na\">Yes</Use_Outbound_Proxy_1_>")
                .contains("<SIP_Transport_1_ ua=\"na\">UDP</SIP_Transport_1_>")
                .contains("<Register_Expires_1_ ua=\"na\">500</Register_Expires_1_>")
                .contains("<User_ID_1_ ua=\"na\">hd001565aabbcc</User_ID_1_>")
                .contains("<Password_1_ ua=\"na\">Dev1cePassw0rdXyZ</Password_1_>")
                .contains("<Resync_From_SIP ua=\"na\">Yes</Resync_From_SIP>")
                .contains("<Auth_Resync-Reboot_1_ ua=\"na\">No</Auth_Resync-Reboot_1_>")
                .contains("<Primary_NTP_Server ua=\"na\">ntp.acme.example</Primary_NTP_Server>");
    }

    @Test
    void ataHasOneBlockPerPortAndNoKeysOrScreen() {
        PhoneProfile gateway = SampleProfiles.gateway(Vendor.CISCO, "ATA191");
        String xml = renderer.render(FileRequest.settings(gateway.mac()), gateway).body();
        assertThat(xml)
                .contains("<User_ID_1_ ua=\"na\">hd000b82aabb01p1</User_ID_1_>")
                .contains("<Display_Name_1_ ua=\"na\">Alice Smith</Display_Name_1_>")
                .contains("<User_ID_2_ ua=\"na\">hd000b82aabb01p2</User_ID_2_>")
                .contains("<Display_Name_2_ ua=\"na\">Lobby ATA line 2</Display_Name_2_>")
                .doesNotContain("Extension_").doesNotContain("Extended_Function_")
                .doesNotContain("Station_Display_Name");
    }

    @Test
    void summerTimeRulesFollowTheTenantZone() {
        PhoneProfile idle = SampleProfiles.idle(Vendor.CISCO, "CP-8841-3PCC");
        assertThat(render(inZone(idle, "Europe/Berlin")))
                .contains("<Time_Zone ua=\"na\">GMT+01:00</Time_Zone>")
                .contains("<Daylight_Saving_Time_Enable ua=\"na\">Yes</Daylight_Saving_Time_Enable>")
                .contains("<Daylight_Saving_Time_Rule ua=\"na\">start=3/-1/7/2:0:0;end=10/-1/7/3:0:0;save=1:0:0"
                        + "</Daylight_Saving_Time_Rule>");
        assertThat(render(inZone(idle, "America/New_York")))
                .contains("<Time_Zone ua=\"na\">GMT-05:00</Time_Zone>")
                .contains("start=3/8/7/2:0:0;end=11/1/7/2:0:0;save=1:0:0");
        assertThat(render(inZone(idle, "Asia/Kolkata")))
                .contains("<Time_Zone ua=\"na\">GMT+05:30</Time_Zone>")
                .contains("<Daylight_Saving_Time_Enable ua=\"na\">No</Daylight_Saving_Time_Enable>")
                .doesNotContain("Daylight_Saving_Time_Rule");
    }

    @Test
    void xmlSpecialCharactersInAPersonsNameAreEscaped() {
        User zoe = new User(8, 1, "1003", "Zo\u00eb & \"Co\" <x>", true, true, "bcrypt", null, null,
                SampleProfiles.NOW);
        Seat seat = new Seat(new Session(6, 1, 3, zoe.id(), LoginMethod.OTP, SampleProfiles.NOW, SampleProfiles.NOW, 0,
                null, null, null, null), zoe, List.of());
        PhoneProfile profile = new ProfileBuilder(SampleProfiles.SERVER).forDevice(
                SampleProfiles.desk(Vendor.CISCO, "CP-8841-3PCC", ProvisioningMode.DIAL_CODES), SampleProfiles.TENANT,
                Optional.of(seat), SampleProfiles.NOW);
        String xml = render(profile);
        assertThat(xml)
                .contains("<Station_Display_Name ua=\"na\">Zo\u00eb &amp; &quot;Co&quot; &lt;x&gt; (1003)</Station_Display_Name>")
                .contains("<Display_Name_1_ ua=\"na\">Zo\u00eb &amp; &quot;Co&quot; &lt;x&gt;</Display_Name_1_>")
                .contains("<Short_Name_1_ ua=\"na\">1003 Zo\u00eb &amp; &quot;Co&quot; &lt;x&gt;</Short_Name_1_>")
                .doesNotContain("& \"Co\"").doesNotContain("<x>");
    }

    @Test
    void aPhoneHeldRegistrationAndAHotDeskKeyAreHandledThoughCiscoNeverGetsThem() {
        // phone-key mode is refused for Cisco; built here anyway to show the renderer leaves both out
        String xml = render(SampleProfiles.phoneKeyInSession(Vendor.CISCO, "CP-8841-3PCC"));
        assertThat(xml)
                .doesNotContain("User_ID_1_").doesNotContain("Auth_ID_1_").doesNotContain("Password_1_")
                .contains("<Line_Enable_1_ ua=\"na\">Yes</Line_Enable_1_>")
                .contains("<Extended_Function_2_ ua=\"na\"></Extended_Function_2_>")
                .contains("<Short_Name_2_ ua=\"na\"></Short_Name_2_>");
    }

    @Test
    void parseAcceptsMacFilesInAnyCaseAndRefusesModelFiles() {
        MacAddress mac = new MacAddress("001565aabbcc");
        assertThat(renderer.parse("001565aabbcc.xml")).contains(FileRequest.settings(mac));
        assertThat(renderer.parse("001565AABBCC.xml")).contains(FileRequest.settings(mac));
        assertThat(renderer.parse("001565aabbcc.cfg")).contains(FileRequest.settings(mac));
        assertThat(renderer.parse("7841-3PCC.xml")).isEmpty();
        assertThat(renderer.parse("cp-phone.xml")).isEmpty();
        assertThat(renderer.parse("spa504G.cfg")).isEmpty();
        assertThat(renderer.parse("000000000000.xml")).isEmpty();
        assertThat(renderer.parse("001565aabbcc.txt")).isEmpty();
        assertThat(renderer.parse("001565aabbcc.xml.bak")).isEmpty();
        assertThat(renderer.parse("SEP001565aabbcc.cnf.xml")).isEmpty();
    }

    @Test
    void refusesAnotherVendorsProfile() {
        assertThatThrownBy(() -> renderer.render(request, SampleProfiles.idle(Vendor.FANVIL, "X4U")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderingIsDeterministic() {
        PhoneProfile profile = SampleProfiles.inSession(Vendor.CISCO, "CP-8841-3PCC");
        assertThat(render(profile)).isEqualTo(render(profile));
        assertThat(renderer.render(request, profile).contentType()).isEqualTo("application/xml; charset=utf-8");
    }

    private String render(PhoneProfile profile) {
        return renderer.render(request, profile).body();
    }

    private static PhoneProfile inZone(PhoneProfile p, String zone) {
        return new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(),
                TimeZoneInfo.of(ZoneId.of(zone), SampleProfiles.NOW), p.registerExpirySeconds(), p.screenTitle(),
                p.lines(), p.keys(), p.phoneKeyMode());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
