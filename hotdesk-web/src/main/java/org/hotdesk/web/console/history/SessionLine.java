package org.hotdesk.web.console.history;

/** One session, open or ended, in words for the history table. */
public record SessionLine(String person, String extension, String desk, String started, String ended,
                          String duration, String method, String reason, String endedBy, boolean open) {
}
