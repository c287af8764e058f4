package org.hotdesk.core.webhook;

/**
 * One event on its way to one webhook, kept until the receiver answers 2xx.
 *
 * @param eventId the event's own id, the same in every webhook's copy: a receiver that sees it twice (a retry after
 *                an answer that got lost) drops the second
 * @param body    the JSON that is POSTed and signed, fixed when the event happened
 */
public record PendingDelivery(long id, long webhookId, long tenantId, String url, String secret, String eventId,
                              WebhookEvent event, String body, int attempts) {
}
