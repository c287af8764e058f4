package org.hotdesk.web.console.devices;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.GatewayService;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;

/**
 * Reads the console's device forms into core values. Parsing goes through the core's own checks
 * ({@link MacAddress#parse}, {@link CivicAddress}, {@link DeviceProvisioning}), so a bad field fails with the same
 * message as in the API, before anything is written.
 */
public final class DeviceForm {
    /** What the new-desk form's location fields show as placeholders. */
    public static final CivicAddress EXAMPLE = new CivicAddress("Window desk, next to the kitchen", "DE", "Berlin", "Berlin",
            "Friedrichstraße", "68", "10117", "Block A", "2", "2.14", "+49301234567");

    private final Context ctx;

    public DeviceForm(Context ctx) {
        this.ctx = ctx;
    }

    /** A field, trimmed; null when absent or blank. */
    public String text(String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public int number(String name, int absent) {
        String v = text(name);
        if (v == null) return absent;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + v + "' is not a whole number");
        }
    }

    public CivicAddress location() {
        return new CivicAddress(text("description"), text("country"), text("region"), text("city"), text("street"),
                text("houseNumber"), text("postalCode"), text("building"), text("floor"), text("room"),
                text("callbackNumber"));
    }

    /**
     * Every problem of the new-desk form at once, each field checked on its own (the core's checks stop at the
     * first): the MAC, the vendor, each checked location field, the site; then whatever else a new desk checks.
     */
    public List<HotdeskException> problemsOfNewDevice(HotdeskCore core, long tenantId) {
        List<HotdeskException> problems = new ArrayList<>();
        check(problems, () -> MacAddress.parse(ctx.formParam("mac")));
        check(problems, () -> Vendor.parse(text("vendor")));
        check(problems, () -> new CivicAddress(null, text("country"), null, null, null, null, null, null, null, null,
                null));
        check(problems, () -> new CivicAddress(null, null, null, null, null, null, null, null, null, null,
                text("callbackNumber")));
        check(problems, () -> site(core, tenantId));
        if (problems.isEmpty()) check(problems, this::newDevice);
        return problems;
    }

    /**
     * Every problem of a desk's Save form at once: name, model, the checked location fields, the site and, for a
     * phone, its provisioning fields (a gateway line takes its gateway's).
     */
    public List<HotdeskException> problemsOfDesk(HotdeskCore core, long tenantId, Device desk) {
        List<HotdeskException> problems = new ArrayList<>();
        check(problems, () -> {
            if (text("name") == null) throw new InvalidInputException("name", "is required");
            new NewDevice(desk.mac(), text("name"), desk.vendor(), null, null, null);
        });
        check(problems, () -> new NewDevice(desk.mac(), desk.name(), desk.vendor(), text("model"), null, null));
        check(problems, () -> new CivicAddress(null, text("country"), null, null, null, null, null, null, null, null,
                null));
        check(problems, () -> new CivicAddress(null, null, null, null, null, null, null, null, null, null,
                text("callbackNumber")));
        check(problems, this::location);
        check(problems, () -> site(core, tenantId));
        if (!desk.isGatewayLine()) {
            check(problems, () -> ProvisioningMode.parse(text("mode")));
            check(problems, () -> SipTransport.parse(text("transport")));
            check(problems, () -> new DeviceProvisioning(DeviceProvisioning.DEFAULT.mode(),
                    DeviceProvisioning.DEFAULT.transport(), number("sipPort", 0), null, null));
            check(problems, () -> new DeviceProvisioning(DeviceProvisioning.DEFAULT.mode(),
                    DeviceProvisioning.DEFAULT.transport(), 0, text("sipDomain"), null));
            check(problems, () -> new DeviceProvisioning(DeviceProvisioning.DEFAULT.mode(),
                    DeviceProvisioning.DEFAULT.transport(), 0, null, text("ntpServer")));
        }
        // one message per field: the country or number checked twice (alone and with the rest) is named once
        List<String> seen = new ArrayList<>();
        problems.removeIf(p -> seen.contains(p.getMessage()) || !seen.add(p.getMessage()));
        return problems;
    }

    /** Every problem of the Add gateway form at once: MAC, vendor and number of ports. */
    public List<HotdeskException> problemsOfNewGateway() {
        List<HotdeskException> problems = new ArrayList<>();
        check(problems, () -> MacAddress.parse(ctx.formParam("mac")));
        check(problems, () -> Vendor.parse(text("vendor")));
        check(problems, () -> {
            if (text("ports") == null) throw new InvalidInputException("ports", "is required");
            GatewayService.requirePorts(number("ports", 0));
        });
        return problems;
    }

    private static void check(List<HotdeskException> problems, Runnable parse) {
        try {
            parse.run();
        } catch (HotdeskException e) {
            problems.add(e);
        }
    }

    /** What was typed, to show again after a refusal (the CSRF token is the page's own). */
    public Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty() && values.get(0).length() <= 200) {
                typed.put(name, values.get(0));
            }
        });
        return typed;
    }

    public NewDevice newDevice() {
        return new NewDevice(MacAddress.parse(ctx.formParam("mac")), text("name"), Vendor.parse(text("vendor")),
                text("model"), location(), null);
    }

    public DeviceProvisioning provisioning() {
        return new DeviceProvisioning(ProvisioningMode.parse(text("mode")), SipTransport.parse(text("transport")),
                number("sipPort", 0), text("sipDomain"), text("ntpServer"));
    }

    /** The chosen site, or null for "no site"; an unknown id fails. */
    public Site site(HotdeskCore core, long tenantId) {
        String v = text("site");
        if (v == null) return null;
        try {
            return core.sites().get(tenantId, Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("site", "'" + v + "' is not a site");
        }
    }
}
