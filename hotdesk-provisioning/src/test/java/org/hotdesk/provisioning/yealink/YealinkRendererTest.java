package org.hotdesk.provisioning.yealink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.GoldenFiles;
import org.hotdesk.provisioning.render.SampleProfiles;
import org.junit.jupiter.api.Test;

/**
 * Sources for the parameters (shared/phones/VENDORS.md §1):
 * <ul>
 *   <li>file name {@code <mac>.cfg}, lower case: Yealink T5 admin guide p.74
 *       (https://www.manualslib.com/manual/1915681/Yealink-Sip-T5-Series.html?page=74); Wazo v86 common.py#L564;</li>
 *   <li>{@code account.1.*}, transport 0/1/2, expires, outbound proxy: FusionPBX T46U template
 *       (fusionpbx c7a00dc resources/templates/provision/yealink/t46u/{$mac}.cfg#L113-L178), Wazo v86 base.tpl#L105-L125;</li>
 *   <li>{@code local_time.*}: FusionPBX T46U template #L455-L471; start/end as month/week/weekday/hour and offset in
 *       minutes: Wazo yealink v84 plugin tests (America/Montreal: 3/2/7/2, 11/1/7/2, 60);</li>
 *   <li>{@code linekey.N.*}, type 13 speed dial, 16 BLF, 34 hot desking, {@code %NULL%} for unused keys: FusionPBX
 *       app_config.php#L1293-L1690, Wazo v86 common.py#L183-L225 and common.py {@code _format_funckey_null};</li>
 *   <li>{@code hotdesking.dsskey_*_enable}, type 34 with line 0: Yealink T2 admin guide
 *       (https://easymanua.ls/yealink/sip-t2-series/manual?p=688) and seed 003 (Infinity);</li>
 *   <li>{@code sip.notify_reboot_enable = 0}: Yealink T5 admin guide
 *       (https://manualshive.com/en/manual/yealink/cp969/909068?page=779), Wazo v86 base.tpl#L45.</li>
 * </ul>
 */
class YealinkRendererTest {
    private final YealinkRenderer renderer = new YealinkRenderer();

    @Test
    void idleDeskGoldenFile() {
        GoldenFiles.assertMatches("yealink/idle.cfg", render(SampleProfiles.idle(Vendor.YEALINK, "T46U")));
    }

    @Test
    void inSessionGoldenFile() {
        GoldenFiles.assertMatches("yealink/in-session.cfg", render(SampleProfiles.inSession(Vendor.YEALINK, "T46U")));
    }

    @Test
    void phoneKeyIdleGoldenFile() {
        GoldenFiles.assertMatches("yealink/phone-key-idle.cfg", render(SampleProfiles.phoneKeyIdle(Vendor.YEALINK, "T46U")));
    }

    @Test
    void phoneKeyInSessionGoldenFile() {
        GoldenFiles.assertMatches("yealink/phone-key-in-session.cfg",
                render(SampleProfiles.phoneKeyInSession(Vendor.YEALINK, "T46U")));
    }

    @Test
    void idleDeskShowsTheDeskAndALoginKeyAndRegistersWithTheDeviceAccount() {
        String cfg = render(SampleProfiles.idle(Vendor.YEALINK, "T46U")).body();
        assertThat(cfg).startsWith("#!version:1.0.0.1\n")
                .contains("account.1.label = Hot desk \u2013 Desk 3\n")
                .contains("account.1.user_name = hd001565aabbcc\n", "account.1.password = Dev1cePassw0rdXyZ\n")
                .contains("account.1.sip_server.1.address = acme.example\n")
                .contains("account.1.outbound_proxy.1.address = pbx.acme.example\n")
                .contains("account.1.sip_server.1.expires = 500\n")
                .contains("linekey.1.type = 13\nlinekey.1.value = *11\nlinekey.1.line = 1\nlinekey.1.label = Log in\n")
                .contains("sip.notify_reboot_enable = 0\n")
                .doesNotContain("Alice", "1002", "hotdesking.");
    }

    @Test
    void inSessionShowsThePersonALogoutKeyFirstAndTheirKeysShiftedDown() {
        String cfg = render(SampleProfiles.inSession(Vendor.YEALINK, "T46U")).body();
        assertThat(cfg).contains("account.1.label = 1001 Alice Smith\n", "account.1.display_name = Alice Smith\n")
                .contains("linekey.1.type = 13\nlinekey.1.value = 00#\nlinekey.1.line = 1\nlinekey.1.label = Log out\n")
                .contains("linekey.2.type = 16\nlinekey.2.value = 1002\nlinekey.2.line = 1\nlinekey.2.label = Bob\n")
                .contains("linekey.3.type = 13\nlinekey.3.value = +14155550123\n")
                // the device account stays: a person's credentials never land on a shared phone
                .contains("account.1.user_name = hd001565aabbcc\n");
    }

    @Test
    void everyKeySlotIsWrittenSoThePreviousPersonsKeysAreCleared() {
        String cfg = render(SampleProfiles.idle(Vendor.YEALINK, "T46U")).body();
        assertThat(cfg).contains("linekey.2.type = 0\nlinekey.2.value = %NULL%\nlinekey.2.line = %NULL%\nlinekey.2.label = %NULL%\n")
                .contains("linekey." + PhoneProfile.KEY_SLOTS + ".type = 0\n")
                .doesNotContain("linekey." + (PhoneProfile.KEY_SLOTS + 1) + ".");
    }

    @Test
    void phoneKeyModeOffersTheYealinkHotDeskKeyWithoutAskingForAServer() {
        String idle = render(SampleProfiles.phoneKeyIdle(Vendor.YEALINK, "T46U")).body();
        assertThat(idle).contains("linekey.1.type = 34\nlinekey.1.value = %NULL%\nlinekey.1.line = 0\nlinekey.1.label = Hot desk\n")
                .contains("hotdesking.dsskey_sip_server_enable = 0\n")
                .contains("account.1.user_name = hd001565aabbcc\n")
                .doesNotContain("*11");
        // logged in with that key, the phone holds Alice's registration: the account must not be rewritten
        String session = render(SampleProfiles.phoneKeyInSession(Vendor.YEALINK, "T46U")).body();
        assertThat(session).doesNotContain("account.1.", "Dev1cePassw0rdXyZ")
                .contains("linekey.1.type = 34\n", "linekey.1.label = Log out\n", "linekey.2.value = 1002\n");
    }

    @Test
    void aLineBreakInANameCannotStartAParameterOfItsOwn() {
        PhoneProfile p = SampleProfiles.idle(Vendor.YEALINK, "T46U");
        PhoneProfile hostile = new PhoneProfile(p.mac(), p.vendor(), p.model(), p.server(), p.ntpServer(), p.timeZone(),
                p.registerExpirySeconds(), "Desk\naccount.1.password = x", p.lines(), p.keys(), false);
        assertThat(render(hostile).body()).doesNotContain("\naccount.1.password = x");
    }

    @Test
    void onlyPerMacConfigFilesAreServed() {
        assertThat(renderer.parse("001565aabbcc.cfg"))
                .contains(FileRequest.settings(new MacAddress("001565aabbcc")));
        assertThat(renderer.parse("001565AABBCC.cfg"))
                .contains(FileRequest.settings(new MacAddress("001565aabbcc")));
        assertThat(renderer.parse("y000000000028.cfg")).isEmpty();
        assertThat(renderer.parse("000000000000.cfg")).isEmpty();
        assertThat(renderer.parse("001565aabbcc.boot")).isEmpty();
        assertThat(renderer.parse("001565aabbc.cfg")).isEqualTo(Optional.empty());
    }

    private ConfigFile render(PhoneProfile profile) {
        return renderer.render(FileRequest.settings(profile.mac()), profile);
    }
}
