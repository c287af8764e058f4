package org.hotdesk.app.cli;

import java.io.PrintWriter;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every admin command shares: the root's config, its output, and the lookups admins type. */
abstract class AdminCommand {
    static final Actor CLI = Actor.admin("cli:" + System.getProperty("user.name", "unknown"));

    @ParentCommand
    HotdeskCommand root;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Wiring open() {
        return root.openWiring();
    }

    static Tenant tenant(Wiring w, String idOrDomain) {
        return w.core().tenants().find(idOrDomain);
    }

    static Device device(Wiring w, Tenant tenant, String mac, int port) {
        return w.core().devices().byMac(tenant.id(), MacAddress.parse(mac), port);
    }
}
