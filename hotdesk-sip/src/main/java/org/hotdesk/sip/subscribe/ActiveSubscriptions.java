package org.hotdesk.sip.subscribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every subscription in force, found by its dialog (refreshes, NOTIFY answers) and by the subscriber's account (an
 * event package telling every watcher of a desk or a person). In memory only: after a restart phones subscribe
 * again when their subscription runs out, and until then get what changes as unsolicited NOTIFYs where the package
 * sends those.
 */
public final class ActiveSubscriptions {
    private final Map<DialogId, Subscription> byDialog = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byAccount = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    /** @param timers where expiry timers run */
    public ActiveSubscriptions(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    Subscription find(DialogId id) {
        return byDialog.get(id);
    }

    /**
     * Adds a new subscription. An older one of the same account to the same package and event id at the same Contact
     * is dropped without a word: that phone restarted and subscribed anew, and the old dialog is gone on its side.
     */
    void add(Subscription subscription) {
        String account = subscription.subscriber().key();
        List<Subscription> replaced = new ArrayList<>();
        byAccount.compute(account, (k, set) -> {
            Set<Subscription> s = set != null ? set : ConcurrentHashMap.newKeySet();
            for (Subscription old : s) {
                if (old.eventPackage() == subscription.eventPackage()
                        && Objects.equals(old.event().id(), subscription.event().id())
                        && old.remoteTarget().equals(subscription.remoteTarget())) {
                    replaced.add(old);
                }
            }
            replaced.forEach(s::remove);
            s.add(subscription);
            return s;
        });
        for (Subscription old : replaced) {
            byDialog.remove(old.id());
            old.abandon();
        }
        byDialog.put(subscription.id(), subscription);
    }

    /** Removes it (ended, expired, or unknown to the subscriber); false when it was gone already. */
    boolean remove(Subscription subscription) {
        subscription.stopTimer();
        if (!byDialog.remove(subscription.id(), subscription)) return false;
        byAccount.computeIfPresent(subscription.subscriber().key(), (k, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
        return true;
    }

    /** The subscriptions of one account (a location key) to one package. */
    public List<Subscription> of(String accountKey, String packageName) {
        Set<Subscription> set = byAccount.get(accountKey);
        if (set == null) return List.of();
        return set.stream().filter(s -> s.eventPackage().name().equalsIgnoreCase(packageName)).toList();
    }

    /** Every subscription to one package (the dialog package finds the watchers of a person among them). */
    public List<Subscription> ofPackage(String packageName) {
        return byDialog.values().stream().filter(s -> s.eventPackage().name().equalsIgnoreCase(packageName)).toList();
    }

    /** Sets the subscription to run out in {@code seconds}; {@code onExpiry} runs then unless it is refreshed. */
    void expireIn(Subscription subscription, int seconds, Consumer<Subscription> onExpiry) {
        subscription.lastsFor(seconds, timers.schedule(() -> {
            if (subscription.expired()) onExpiry.accept(subscription);
        }, seconds, TimeUnit.SECONDS));
    }

    /** How many are in force (metrics, tests). */
    public int size() {
        return byDialog.size();
    }
}
