package org.hotdesk.web.console.live;

import java.util.List;

/**
 * Everything the live view page shows, read at one moment.
 *
 * @param alertUrlSet whether emergency alerts have somewhere to go
 * @param zone        the tenant's time zone, which every time on the page is in
 */
public record LiveSnapshot(LiveStats stats, List<LiveRow> rows, List<AlertRow> alerts, boolean alertUrlSet,
                           String zone) {

    /** The same moment with only these rows (one page of them, or those a search found). */
    public LiveSnapshot withRows(List<LiveRow> shown) {
        return new LiveSnapshot(stats, shown, alerts, alertUrlSet, zone);
    }
}
