package org.hotdesk.provisioning.grandstream;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hotdesk.core.device.GatewayModel;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Grandstream analog adapter in config version 1 (P-values): the only shape our sources give for the HT8xx
 * (VENDORS.md §4.2, §4.7). Analog phones have no keys and no screen, so only accounts, time and NOTIFY are written.
 * An HT81x ({@link FxsPort}) shares one profile among its ports; any other model gets one account per port
 * ({@link AtaPort}), as the HT80x and a Grandstream gateway of unknown model always have.
 * <p>
 * A line on a port the model lacks, or that its P-value map does not reach, is left out of the file and logged: the
 * gateway was stored before such lines were refused, or its model is unknown. Its other ports are still served;
 * refusing the whole file would take every port's phone off the line for one that cannot exist.
 */
final class AtaConfig {
    private static final Logger log = LoggerFactory.getLogger(AtaConfig.class);

    private AtaConfig() {
    }

    static String render(PhoneProfile profile) {
        boolean ht81x = FxsPort.servesModel(profile.model());
        Map<Boolean, List<PhoneLine>> written = profile.lines().stream()
                .sorted(Comparator.comparingInt(PhoneLine::index))
                .collect(Collectors.partitioningBy(writable(profile, ht81x)));
        if (!written.get(false).isEmpty()) {
            log.warn("provisioning: gateway lines left out of its file mac={} model={} ports={}", profile.mac(),
                    profile.model(), written.get(false).stream().map(PhoneLine::index).toList());
        }
        GsConfig config = GsConfig.pValues();
        if (ht81x) {
            sharedProfile(config, profile);
            written.get(true).forEach(line -> FxsPort.of(line.index()).orElseThrow().write(config, line));
        } else {
            written.get(true).forEach(line -> AtaPort.of(line.index()).orElseThrow().write(config, line, profile));
        }
        common(config, profile);
        return config.toXml();
    }

    private static Predicate<PhoneLine> writable(PhoneProfile profile, boolean ht81x) {
        return line -> GatewayModel.of(profile.vendor(), profile.model()).map(m -> m.hasPort(line.index()))
                .orElse(true)
                && (ht81x ? FxsPort.of(line.index()).isPresent() : AtaPort.of(line.index()).isPresent());
    }

    /**
     * Profile 1 of an HT81x, which every port written uses (its Profile ID is 0). The same P-values as account 1 of
     * an HT80x, except the outbound proxy: P2312 in the HT814 and HT818 templates, where it sits between the failover
     * server P967 and the backup outbound proxy P2333, the place P48 has in the HT80x templates.
     */
    private static void sharedProfile(GsConfig c, PhoneProfile profile) {
        SipServer server = profile.server();
        c.p(271, "1")
                .p(47, server.domain())
                .p(2312, SipValues.outboundProxy(server))
                .p(130, SipValues.transportNumber(server.transport()))
                .p(31, "1")
                .p(32, String.valueOf(SipValues.expiryMinutes(profile.registerExpirySeconds())));
    }

    private static void common(GsConfig c, PhoneProfile profile) {
        c.p(30, profile.ntpServer())
                // P64 otherwise takes only the names of its drop-down list; "customize" makes it read P246, which
                // takes any POSIX TZ string (HT802 template; the same in the HT814 and HT818 templates)
                .p(64, "customize")
                .p(246, profile.timeZone().posix())
                .p(143, "0") // DHCP must not override the tenant's zone
                // 1 = authentication of SIP NOTIFY disabled: our "Event: resync" NOTIFY does not answer a
                // digest challenge (VENDORS.md §4.5, HT802 template "Disable SIP NOTIFY Authentication")
                .p(4428, "1");
    }
}
