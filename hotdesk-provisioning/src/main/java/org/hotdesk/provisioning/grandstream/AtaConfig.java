package org.hotdesk.provisioning.grandstream;

import java.util.Comparator;
import java.util.List;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.SipServer;

/**
 * An HT80x analog adapter in config version 1 (P-values): the only shape our sources give for the HT80x
 * (VENDORS.md §4.2, §4.7). Analog phones have no keys and no screen, so only accounts, time and NOTIFY are written.
 */
final class AtaConfig {
    private AtaConfig() {
    }

    static String render(PhoneProfile profile) {
        List<PhoneLine> lines = profile.lines().stream().sorted(Comparator.comparingInt(PhoneLine::index)).toList();
        // look every port up before writing anything: a refused port must refuse the whole file
        List<AtaPort> ports = lines.stream().map(l -> AtaPort.of(profile.model(), l.index())).toList();
        GsConfig config = GsConfig.pValues();
        for (int i = 0; i < lines.size(); i++) {
            port(config, ports.get(i), lines.get(i), profile);
        }
        common(config, profile);
        return config.toXml();
    }

    private static void port(GsConfig c, AtaPort p, PhoneLine line, PhoneProfile profile) {
        PhoneLine.Account account = line.account();
        if (account == null) {
            return; // the port holds a registration of its own: writing any of it would log that person off
        }
        SipServer server = profile.server();
        // P270 (account name) is left out: an analog port has no screen and the HT802 template has no P270
        c.p(p.active(), "1")
                .p(p.server(), server.domain())
                .p(p.outboundProxy(), SipValues.outboundProxy(server))
                .p(p.transport(), SipValues.transportNumber(server.transport()))
                .p(p.userId(), account.username())
                .p(p.authId(), account.username())
                .p(p.password(), account.password())
                .p(p.name(), line.displayName())
                .p(p.register(), "1")
                .p(p.expiryMinutes(), String.valueOf(SipValues.expiryMinutes(profile.registerExpirySeconds())));
    }

    private static void common(GsConfig c, PhoneProfile profile) {
        c.p(30, profile.ntpServer())
                // P64 otherwise takes only the names of its drop-down list; "customize" makes it read P246, which
                // takes any POSIX TZ string (HT802 template)
                .p(64, "customize")
                .p(246, profile.timeZone().posix())
                .p(143, "0") // DHCP must not override the tenant's zone
                // 1 = authentication of SIP NOTIFY disabled: our "Event: resync" NOTIFY does not answer a
                // digest challenge (VENDORS.md §4.5, HT802 template "Disable SIP NOTIFY Authentication")
                .p(4428, "1");
    }
}
