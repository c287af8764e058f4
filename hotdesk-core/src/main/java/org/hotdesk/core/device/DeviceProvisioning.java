package org.hotdesk.core.device;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.HostName;

/**
 * What a desk's rendered configuration is built from besides its tenant's settings (ring2all "SIP Profile").
 *
 * @param mode      dial-code keys or the phone's own hot-desk key
 * @param transport UDP, TCP or TLS to the server
 * @param sipPort   the server port the phone sends to; 0 = the server's own port for that transport
 * @param sipDomain the SIP domain the phone registers in; null = the tenant's domain
 * @param ntpServer the time server; null = the tenant's
 */
public record DeviceProvisioning(ProvisioningMode mode, SipTransport transport, int sipPort, String sipDomain,
                                 String ntpServer) {
    public static final DeviceProvisioning DEFAULT =
            new DeviceProvisioning(ProvisioningMode.DIAL_CODES, SipTransport.UDP, 0, null, null);

    public DeviceProvisioning {
        mode = mode == null ? ProvisioningMode.DIAL_CODES : mode;
        transport = transport == null ? SipTransport.UDP : transport;
        if (sipPort < 0 || sipPort > 65535) {
            throw new InvalidInputException("sipPort", "must be between 1 and 65535 (0 = the server's port), was " + sipPort);
        }
        sipDomain = HostName.optional("sipDomain", sipDomain);
        ntpServer = HostName.optional("ntpServer", ntpServer);
    }

    public DeviceProvisioning withMode(ProvisioningMode newMode) {
        return new DeviceProvisioning(newMode, transport, sipPort, sipDomain, ntpServer);
    }

    public DeviceProvisioning withSipDomain(String domain) {
        return new DeviceProvisioning(mode, transport, sipPort, domain, ntpServer);
    }

    public DeviceProvisioning withNtpServer(String server) {
        return new DeviceProvisioning(mode, transport, sipPort, sipDomain, server);
    }

    public DeviceProvisioning withSipProfile(SipTransport newTransport, int port) {
        return new DeviceProvisioning(mode, newTransport, port, sipDomain, ntpServer);
    }

    /** How the audit history shows it. */
    public String auditText() {
        return "mode=" + mode.id() + " transport=" + transport.id()
                + (sipPort == 0 ? "" : " port=" + sipPort)
                + (sipDomain == null ? "" : " domain=" + sipDomain)
                + (ntpServer == null ? "" : " ntp=" + ntpServer);
    }
}
