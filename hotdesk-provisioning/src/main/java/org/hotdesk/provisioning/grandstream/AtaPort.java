package org.hotdesk.provisioning.grandstream;

import java.util.Optional;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.SipServer;

/**
 * The P-values of one FXS port of an HT80x analog adapter (HT801, HT802, HT813), each port an account of its own.
 * Port 1 uses the account-1 set (VENDORS.md §4.2, §4.7; the same P-values in FusionPBX's HT813 template); port 2 of
 * the HT802 the P7xx set (§4.7: FusionPBX HT802 template, Wazo HT802V2.tpl). Registration on/off and transport of
 * port 2 (P731, P830) are read from the same HT802 template; VENDORS.md does not list them.
 */
record AtaPort(int port, int active, int server, int outboundProxy, int userId, int authId, int password,
               int name, int register, int expiryMinutes, int transport) {

    static final AtaPort PORT_1 = new AtaPort(1, 271, 47, 48, 35, 36, 34, 3, 31, 32, 130);
    static final AtaPort PORT_2 = new AtaPort(2, 401, 747, 748, 735, 736, 734, 703, 731, 732, 830);

    /**
     * The map for {@code port}; none beyond port 2: no HT80x has a third port, and a guess would overwrite some other
     * setting with a person's password.
     */
    static Optional<AtaPort> of(int port) {
        return switch (port) {
            case 1 -> Optional.of(PORT_1);
            case 2 -> Optional.of(PORT_2);
            default -> Optional.empty();
        };
    }

    /** The port's own account: server, proxy, transport, credentials, name, registration and expiry. */
    void write(GsConfig c, PhoneLine line, PhoneProfile profile) {
        PhoneLine.Account account = line.account();
        if (account == null) {
            return; // the port holds a registration of its own: writing any of it would log that person off
        }
        SipServer server = profile.server();
        // P270 (account name) is left out: an analog port has no screen and the HT802 template has no P270
        c.p(active, "1")
                .p(this.server, server.domain())
                .p(outboundProxy, SipValues.outboundProxy(server))
                .p(transport, SipValues.transportNumber(server.transport()))
                .p(userId, account.username())
                .p(authId, account.username())
                .p(password, account.password())
                .p(name, line.displayName())
                .p(register, "1")
                .p(expiryMinutes, String.valueOf(SipValues.expiryMinutes(profile.registerExpirySeconds())));
    }
}
