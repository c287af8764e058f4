package org.hotdesk.provisioning.grandstream;

/**
 * The P-values of one FXS port of an HT80x analog adapter. Port 1 uses the account-1 set (VENDORS.md §4.2, §4.7);
 * port 2 of the HT802 the P7xx set (§4.7: FusionPBX HT802 template, Wazo HT802V2.tpl). Registration on/off and
 * transport of port 2 (P731, P830) are read from the same HT802 template; VENDORS.md does not list them.
 */
record AtaPort(int port, int active, int server, int outboundProxy, int userId, int authId, int password,
               int name, int register, int expiryMinutes, int transport) {

    static final AtaPort PORT_1 = new AtaPort(1, 271, 47, 48, 35, 36, 34, 3, 31, 32, 130);
    static final AtaPort PORT_2 = new AtaPort(2, 401, 747, 748, 735, 736, 734, 703, 731, 732, 830);

    /**
     * The map for {@code port}. Ports 3 and up (HT814, HT818) are refused rather than guessed: no source we checked
     * gives their P-values, and a wrong guess would silently leave a person's port unregistered or overwrite another
     * setting with their password.
     */
    static AtaPort of(String model, int port) {
        return switch (port) {
            case 1 -> PORT_1;
            case 2 -> PORT_2;
            default -> throw new IllegalArgumentException("Grandstream " + (model == null ? "ATA" : model)
                    + ": no verified P-values for FXS port " + port + " (only ports 1 and 2 are known, VENDORS.md §4.7)");
        };
    }
}
