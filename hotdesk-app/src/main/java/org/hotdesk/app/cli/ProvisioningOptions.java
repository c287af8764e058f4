package org.hotdesk.app.cli;

import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import picocli.CommandLine.Option;

/** How a desk's configuration is rendered (ring2all "SIP Profile", B3 "SIP domain" and "NTP server"). */
final class ProvisioningOptions {
    @Option(names = "--mode", description = "dial-codes (login/logout keys dial the feature codes) or phone-key "
            + "(the phone's own hot-desk key: yealink, snom, grandstream)") String mode;
    @Option(names = "--transport", description = "udp, tcp or tls") String transport;
    @Option(names = "--sip-port", description = "server port the phone sends to; 0 = the server's own") Integer sipPort;
    @Option(names = "--sip-domain", description = "SIP domain the phone registers in; \"\" = the tenant's") String sipDomain;
    @Option(names = "--ntp-server", description = "time server; \"\" = the tenant's") String ntpServer;

    /** The options given, on top of {@code current}. */
    DeviceProvisioning applyTo(DeviceProvisioning current) {
        return new DeviceProvisioning(
                mode != null ? ProvisioningMode.parse(mode) : current.mode(),
                transport != null ? SipTransport.parse(transport) : current.transport(),
                sipPort != null ? sipPort : current.sipPort(),
                sipDomain != null ? sipDomain : current.sipDomain(),
                ntpServer != null ? ntpServer : current.ntpServer());
    }

    static DeviceProvisioning orDefault(ProvisioningOptions options) {
        return options == null ? DeviceProvisioning.DEFAULT : options.applyTo(DeviceProvisioning.DEFAULT);
    }
}
