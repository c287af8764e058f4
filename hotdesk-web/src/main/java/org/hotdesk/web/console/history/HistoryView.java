package org.hotdesk.web.console.history;

import java.util.List;

/**
 * The history page: one tab's lines of one page, and the filters that chose them.
 *
 * @param tab      sessions, audit, calls, emergency or charts
 * @param person   what was typed in the person filter (extension or name), "" for everyone
 * @param from     first day shown (yyyy-MM-dd in the tenant's zone), "" for no bound; {@code to} the last day
 * @param search   the audit tab's text filter
 * @param problem  a filter that could not be used, said plainly; null when all were
 * @param page     1-based; {@code more} when an older page exists
 * @param query    the filters as a query string (without the page), for the tabs, pages and CSV links
 * @param alertUrlSet whether emergency alerts have somewhere to go (the tenant's alert URL is set)
 * @param charts   the charts tab's pictures, null on the other tabs
 */
public record HistoryView(String tab, String person, String from, String to, String search, String problem,
                          List<SessionLine> sessions, List<AuditLine> audit, List<CallLine> calls,
                          List<EmergencyLine> emergency, boolean alertUrlSet, String zone, int page, boolean more,
                          String query, UsageChart charts) {
}
