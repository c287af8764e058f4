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

    /**
     * Counts one fetch of a desk only if its stored count is below {@code limit}, deciding on the stored row, so
     * that several servers counting the same desk never pass the limit together: {@code key}'s count is the gate,
     * and every id of {@code lines} (a gateway's lines count together) is counted with it.
     *
     * @return the stored count of {@code key} afterwards, negated and less one ({@code -count - 1}) when refused
     */
    int countIfBelow(long key, java.util.List<Long> lines, int limit);
}
