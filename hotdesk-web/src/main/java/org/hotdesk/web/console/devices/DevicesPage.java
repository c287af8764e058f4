package org.hotdesk.web.console.devices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.ListPage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The Devices page (B3Networks "Device Management", 3CX hot-desking): every desk with who is there, whether
 * it is registered, where it is for emergency calls and how many config fetches it has left; adding a desk.
 * Bulk actions are {@link DeviceBulkActions}, one desk's page is {@link DeviceEditPage}.
 */
public final class DevicesPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;
    /** Sortable columns, the default first; ties fall back to the name and then the MAC. */
    private static final Map<String, Comparator<DeviceRow>> COLUMNS = columns();

    private static Map<String, Comparator<DeviceRow>> columns() {
        Comparator<DeviceRow> byName = Comparator.comparing((DeviceRow r) -> r.device().name().toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.device().label());
        Map<String, Comparator<DeviceRow>> c = new LinkedHashMap<>();
        c.put("desk", byName);
        c.put("location", Comparator.comparing((DeviceRow r) -> r.address().toLowerCase(Locale.ROOT)).thenComparing(byName));
        c.put("status", Comparator.comparing(DeviceRow::inUse).reversed().thenComparing(byName));
        c.put("registration", Comparator.comparing(DeviceRow::registered).thenComparing(byName));
        c.put("provisioned", Comparator.comparingInt(DeviceRow::provisionCount).thenComparing(byName));
        return c;
    }

    public DevicesPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/devices", this::list);
        routes.post("/console/tenants/{t}/devices/add", this::add);
    }

    private void list(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceRows rows = new DeviceRows(core, page.tenant());
        List<DeviceRow> all = rows.desks();
        DeviceFilter filter = DeviceFilter.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Devices", "devices", core, sessions));
        params.put("stats", DeviceStats.of(all));
        params.put("filter", filter);
        params.put("list", ListPage.of(ctx, all.stream().filter(filter::keeps).toList(), COLUMNS));
        params.put("sites", core.sites().list(page.tenantId()));
        params.put("vendors", List.of(Vendor.values()));
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/devices.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceForm form = new DeviceForm(ctx);
        List<HotdeskException> problems = form.problemsOfNewDevice(core, page.tenantId());
        if (!problems.isEmpty()) {
            // every field at once, and the drawer opens again with what was typed
            sessions.keepForm(page.session(), form.typed());
            page.flashError(sessions, "Desk not added. " + problems.stream().map(PlainMessages::of)
                    .collect(Collectors.joining(" ")));
            page.redirect("devices");
            return;
        }
        try {
            Device device = core.devices().add(page.tenantId(), form.newDevice(), form.site(core, page.tenantId()),
                    page.principal().actor());
            // the one place the device password is shown: the phone gets it from provisioning, an admin may need
            // it to set up a phone by hand
            page.flash(sessions, device.name() + " added. SIP account " + device.sipUsername() + ": password "
                    + device.sipPassword() + " — shown only now.");
        } catch (HotdeskException e) {
            sessions.keepForm(page.session(), form.typed());
            page.flashError(sessions, "Desk not added. " + PlainMessages.of(e));
        }
        page.redirect("devices");
    }
}
