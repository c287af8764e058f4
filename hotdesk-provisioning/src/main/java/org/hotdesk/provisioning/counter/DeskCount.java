package org.hotdesk.provisioning.counter;

import java.util.List;

/**
 * One desk's provision counter in memory (a phone, or a gateway whose lines count together). Guarded by its own
 * monitor: concurrent fetches of one desk take turns, so none passes the limit.
 */
final class DeskCount {
    /** Whether the server asked this desk to fetch again, as far as this process knows. */
    enum Resync {
        /** Not known here (loaded from the database): the next fetch asks the database. */
        UNKNOWN,
        /** An event here asked for a fetch: the next fetch takes the request from the database. */
        REQUESTED,
        /** None pending: fetches count without asking the database. */
        NONE
    }

    final long key;
    /** The device ids the desk's fetches count on: the phone, or every line of the gateway. */
    List<Long> lines;
    /** Fetches counted: what the database had when loaded, plus what this process counted since. */
    int value;
    /** Counted here and not yet written to the database. */
    int unwritten;
    Resync resync = Resync.UNKNOWN;
    /** The limit refused a fetch since the count was last below it: audited once per such episode. */
    boolean refusing;
    /** Refused since the last write-behind: the write reads back the stored count, where another process's reset shows. */
    boolean refusedSinceWrite;

    DeskCount(long key, List<Long> lines, int value) {
        this.key = key;
        this.lines = lines;
        this.value = value;
    }
}
