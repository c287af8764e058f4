package org.hotdesk.web.console.history;

import java.util.List;

/**
 * The history page: one tab's lines, and the user filter.
 *
 * @param tab    sessions, audit or calls
 * @param userId the selected user, or null for everyone
 */
public record HistoryView(String tab, Long userId, List<UserChoice> users, List<SessionLine> sessions,
                          List<AuditLine> audit, List<CallLine> calls, String zone) {

    public record UserChoice(long id, String label) {
    }
}
