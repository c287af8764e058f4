package org.hotdesk.core.device;

import java.util.Map;

/** Persistence port for how often each desk fetched its configuration (the provision counter's, written behind). */
public interface ProvisionCountStore {
    /** Counts one successful config fetch; answers the new count. */
    int countProvisioning(long id);

    void resetProvisionCount(long id);

    /**
     * Adds counted fetches in one go (the provision counter writes behind) and answers the stored count of each id
     * afterwards, including ids added 0 times: a reset made by another process shows there.
     */
    Map<Long, Integer> addProvisionCounts(Map<Long, Integer> fetches);
}
