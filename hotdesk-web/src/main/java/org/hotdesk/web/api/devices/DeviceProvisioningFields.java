package org.hotdesk.web.api.devices;

import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;

/**
 * How a desk's configuration is rendered, in JSON: {@code mode} dial-codes or phone-key, {@code transport}
 * udp, tcp or tls, {@code sipPort} (0 = the server's), {@code sipDomain} and {@code ntpServer} (empty = the
 * tenant's). In a change, a field left out keeps its value.
 */
public record DeviceProvisioningFields(String mode, String transport, Integer sipPort, String sipDomain,
                                       String ntpServer) {

    /** These fields over {@code base}: what is left out stays as it is; "" resets domain or NTP to the tenant's. */
    public DeviceProvisioning over(DeviceProvisioning base) {
        return new DeviceProvisioning(
                mode == null ? base.mode() : ProvisioningMode.parse(mode),
                transport == null ? base.transport() : SipTransport.parse(transport),
                sipPort == null ? base.sipPort() : sipPort,
                sipDomain == null ? base.sipDomain() : sipDomain,
                ntpServer == null ? base.ntpServer() : ntpServer);
    }

    public static DeviceProvisioningFields of(DeviceProvisioning p) {
        return new DeviceProvisioningFields(p.mode().id(), p.transport().id(), p.sipPort(), p.sipDomain(),
                p.ntpServer());
    }
}
