/**
 * Re-sync NOTIFY delivery: when an unanswered or refused NOTIFY is sent again ({@link org.hotdesk.core.resync.ResyncPolicy})
 * and what each desk's last re-sync came to ({@link org.hotdesk.core.resync.ResyncOutcomes}), for the admin to see.
 * The SIP side sends and listens; the rules are here.
 */
package org.hotdesk.core.resync;
