package org.hotdesk.web.console.devices;

import java.util.List;

/** The counts above the desk table, over all desks (not just the filtered ones). */
public record DeviceStats(int desks, int inUse, int idle, int unregistered, int withoutLocation) {
    public static DeviceStats of(List<DeviceRow> rows) {
        int inUse = (int) rows.stream().filter(DeviceRow::inUse).count();
        return new DeviceStats(rows.size(), inUse, rows.size() - inUse,
                (int) rows.stream().filter(r -> !r.registered()).count(),
                (int) rows.stream().filter(r -> !r.dispatchable()).count());
    }
}
