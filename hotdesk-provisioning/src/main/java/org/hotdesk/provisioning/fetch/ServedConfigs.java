package org.hotdesk.provisioning.fetch;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Vendor;

/**
 * The configurations phones fetched, held in memory until something they show changes. Keyed by what the request
 * says (token, file name, vendor of the User-Agent), so a repeated fetch needs no lookup at all; dropped by device,
 * as the core's events name devices.
 *
 * <p>A fetch that read the database before a change committed must not store what it rendered after the change's
 * event dropped the old answer: every drop moves a generation on, and an answer is kept only if no drop happened
 * since its fetch began ({@link #generation()} is read before any database read).
 */
final class ServedConfigs {
    /** What a request says that decides its answer. */
    record Key(String token, String fileName, Vendor userAgentVendor) {
    }

    private final ConcurrentHashMap<Key, ServedConfig> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Set<Key>> byDevice = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The answer for this request, if one is held and still valid at {@code now}. */
    ServedConfig get(Key key, Instant now) {
        ServedConfig held = answers.get(key);
        if (held == null || !now.isBefore(held.validUntil())) {
            return null;
        }
        return held;
    }

    /** Read before a fetch reads anything, and handed back to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps the answer unless a drop happened since {@code seenGeneration}. */
    void put(Key key, ServedConfig answer, long seenGeneration) {
        answers.put(key, answer);
        for (Device d : answer.lines()) {
            byDevice.computeIfAbsent(d.id(), id -> ConcurrentHashMap.newKeySet()).add(key);
        }
        // after the index: a drop from here on finds the key; one that came before shows in the generation
        if (generation.get() != seenGeneration) {
            answers.remove(key, answer);
        }
    }

    /** Drops every answer that configures this device (a phone, or a line of a gateway). */
    void dropDevice(long deviceId) {
        generation.incrementAndGet();
        Set<Key> keys = byDevice.remove(deviceId);
        if (keys != null) {
            keys.forEach(answers::remove);
        }
    }

    /** Drops every answer. */
    void dropAll() {
        generation.incrementAndGet();
        byDevice.clear();
        answers.clear();
    }

    int size() {
        return answers.size();
    }
}
