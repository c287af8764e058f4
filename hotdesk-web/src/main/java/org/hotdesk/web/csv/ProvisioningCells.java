package org.hotdesk.web.csv;

import java.util.List;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;

/** The provisioning columns (B3 "bulk provision"): mode, transport, sip_port, sip_domain, ntp_server. */
final class ProvisioningCells {
    static final List<String> COLUMNS = List.of("mode", "transport", "sip_port", "sip_domain", "ntp_server");

    private ProvisioningCells() {
    }

    static List<String> write(DeviceProvisioning p) {
        return java.util.Arrays.asList(p.mode().id(), p.transport().id(), p.sipPort() == 0 ? null : Integer.toString(p.sipPort()),
                p.sipDomain(), p.ntpServer());
    }

    /** The row's provisioning: each column the file has replaces the current value; empty = the default. */
    static DeviceProvisioning read(CsvRow row, DeviceProvisioning current, CsvProblems problems) {
        DeviceProvisioning c = current == null ? DeviceProvisioning.DEFAULT : current;
        int line = row.line();
        ProvisioningMode mode = row.has("mode")
                ? problems.check(line, "mode", () -> ProvisioningMode.parse(row.get("mode"))) : c.mode();
        SipTransport transport = row.has("transport")
                ? problems.check(line, "transport", () -> SipTransport.parse(row.get("transport"))) : c.transport();
        Integer port = c.sipPort();
        if (row.has("sip_port")) {
            port = Numbers.parse(row, "sip_port", 0, problems);
        }
        if (mode == null || transport == null || port == null) {
            return null;
        }
        int sipPort = port;
        return problems.check(line, "sip_port", () -> new DeviceProvisioning(mode, transport, sipPort,
                row.getOr("sip_domain", c.sipDomain()), row.getOr("ntp_server", c.ntpServer())));
    }
}
