package org.hotdesk.core.event;

import java.util.List;
import org.hotdesk.core.device.Device;

/**
 * Persistence port for the re-sync requests of devices: made in a change's transaction, announced once, taken by
 * the next fetch.
 */
public interface ResyncRequestStore {
    /**
     * The server asks the phone to fetch its configuration again (a session began or ended, an admin edit); the
     * request is unannounced until {@link #markResyncAnnounced}.
     *
     * @param announced the caller announces it itself once its transaction commits (the server does; a command
     *                  line process, which has no SIP side, leaves it for the server to find)
     */
    void requestResync(long id, boolean announced);

    /**
     * Claims the announcement of an unannounced re-sync request: true for the one caller that marks it (it then
     * tells the SIP side, which sends the NOTIFY), false when it was announced already, so two threads that both
     * saw the request never send two NOTIFYs.
     */
    boolean markResyncAnnounced(long id);

    /**
     * Devices with a re-sync request nobody announced yet, e.g. one made from the command line; removed ones too,
     * so the server stops serving a configuration removed from the command line.
     */
    List<Device> findUnannouncedResyncs(int limit);

    /** True, once, when the server had asked this device to fetch its configuration since its last such fetch. */
    boolean takeResyncRequest(long id);
}
