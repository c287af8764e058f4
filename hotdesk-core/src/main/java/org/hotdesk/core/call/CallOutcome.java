package org.hotdesk.core.call;

/** How a call ended. */
public enum CallOutcome { ANSWERED, NO_ANSWER, BUSY, REJECTED, CANCELLED, FAILED }
