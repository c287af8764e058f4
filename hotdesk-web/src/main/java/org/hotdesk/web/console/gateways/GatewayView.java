package org.hotdesk.web.console.gateways;

import java.util.List;
import java.util.Locale;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.web.console.devices.DeviceRow;

/** A PSTN gateway with its lines as the console shows them. */
public record GatewayView(Gateway gateway, List<DeviceRow> lines) {

    /** "Grandstream HT814". */
    public String model() {
        String v = gateway.vendor().name();
        String vendor = v.charAt(0) + v.substring(1).toLowerCase(Locale.ROOT);
        return gateway.model() == null ? vendor : vendor + " " + gateway.model();
    }

    public long inUse() {
        return lines.stream().filter(DeviceRow::inUse).count();
    }

    public long withoutLocation() {
        return lines.stream().filter(l -> !l.dispatchable()).count();
    }

    /** "UDP", or "TLS :5061" when a port is set. */
    public String protocol() {
        var p = gateway.provisioning();
        return p.transport().name() + (p.sipPort() == 0 ? "" : " :" + p.sipPort());
    }
}
