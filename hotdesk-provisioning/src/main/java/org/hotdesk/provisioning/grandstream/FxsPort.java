package org.hotdesk.provisioning.grandstream;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hotdesk.provisioning.profile.PhoneLine;

/**
 * The P-values of one FXS port of an HT81x analog adapter (HT812, HT814, HT818). Unlike the HT80x, these do not give
 * each port an account of its own: the SIP server, proxy, transport and expiry are a shared "profile", and a port has
 * only its user ID, authentication ID, password, name, the profile it uses and whether it is enabled.
 * <p>
 * Source: FusionPBX F/resources/templates/provision/grandstream/ht814/{$mac}.xml ("Configuration template for HT81x
 * firmware version 1.0.63.3", FXS Port 1..4) and …/ht818/{$mac}.xml ("… for HT818 firmware version 1.0.10.6", FXS
 * Port 1..8), commit c7a00dc. Port n (1..8) is base + n - 1 in both: SIP User ID P4060, Authenticate ID P4090,
 * Password P4120, Name P4180, Profile ID P4150 (0 = profile 1), Enable Port P4595 (P4595..P4602); the GXW4008
 * template (…/gxw4008/{$mac}.xml) numbers its eight ports the same way. HT812 is taken as an HT81x because the HT814
 * template names its firmware "HT81x" [INFERENCE: no HT812 template was found].
 *
 * @param profile the port's Profile ID setting
 * @param enabled the port's Enable Port setting
 */
record FxsPort(int port, int userId, int authId, int password, int name, int profile, int enabled) {
    /** The most FXS ports an HT81x has (HT818). */
    static final int MAX_PORTS = 8;

    private static final Set<String> MODELS = Set.of("HT812", "HT814", "HT818");

    /** Whether the model is an HT81x, configured by profile and FXS port rather than by one account per port. */
    static boolean servesModel(String model) {
        return model != null && MODELS.contains(model.trim().toUpperCase(Locale.ROOT));
    }

    static Optional<FxsPort> of(int port) {
        if (port < 1 || port > MAX_PORTS) {
            return Optional.empty();
        }
        int i = port - 1;
        return Optional.of(new FxsPort(port, 4060 + i, 4090 + i, 4120 + i, 4180 + i, 4150 + i, 4595 + i));
    }

    /** The port's credentials and name, on profile 1, enabled. */
    void write(GsConfig c, PhoneLine line) {
        PhoneLine.Account account = line.account();
        if (account == null) {
            return; // the port holds a registration of its own: writing any of it would log that person off
        }
        c.p(userId, account.username())
                .p(authId, account.username())
                .p(password, account.password())
                .p(name, line.displayName())
                .p(profile, "0")
                .p(enabled, "1");
    }
}
