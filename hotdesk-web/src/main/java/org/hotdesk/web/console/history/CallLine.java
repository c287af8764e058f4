package org.hotdesk.web.console.history;

/**
 * One call in words.
 *
 * @param outcomeClass the badge class: ok answered, warn not answered, bad failed, idle still up
 */
public record CallLine(String started, String from, String dialled, String to, String duration, String outcome,
                       String outcomeClass) {
}
