package org.hotdesk.core.location;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every account is registered: the bindings of each address-of-record, held in memory and written behind to
 * the {@link RegistrationStore} (the idea of Kamailio usrloc {@code db_mode=2}).
 *
 * <ul>
 *   <li>One lock per address-of-record: a phone's quick re-REGISTERs cannot race on its own bindings, and
 *       different phones never wait for each other.</li>
 *   <li>A binding is replaced by one with the same {@code +sip.instance} (the same phone after a reboot with a new
 *       port, RFC 5626 §6) or the same contact (RFC 3261 §10.3 step 7).</li>
 *   <li>Expiry is kept in an index ordered by time, so {@link #expire} touches only what has run out.</li>
 *   <li>Changed addresses-of-record are marked dirty and {@link #flush} writes them in one transaction. The server
 *       flushes every {@code sip.locationFlushMillis} (200 ms): after a crash ({@code kill -9}) at most the changes
 *       of that interval, plus the time one flush takes, are lost, and those phones are reached again at their next
 *       refresh. A clean stop flushes everything.</li>
 *   <li>A refresh that only moves the expiry is written only once the stored expiry has less than half of the
 *       granted time left (or the new one is earlier): a phone refreshes before its binding runs out, so the
 *       binding a restart reloads still holds until then. The database sees each binding about twice per
 *       registration interval instead of at every REGISTER (Kamailio writes refreshes every 60 s).</li>
 *   <li>{@link LocationListener}s hear of every insert, refresh, removal and expiry.</li>
 * </ul>
 *
 * <p>Until {@link #open} is called (an admin command in a process without SIP), reads go to the store, which shows
 * what the running server last wrote.
 *
 * <p>A start-up does not wait for every binding (a provider's 100,000 take seconds to read): {@link #open} makes
 * the service take changes at once, and {@link #loadAll} reads the rest behind it. Meanwhile an address-of-record
 * that is changed or looked up is first read alone from the store, and the bulk load then leaves it be: a REGISTER
 * during the load wins over the stored binding it replaces, a de-registration is not undone by the load, and a
 * second contact keeps the stored first one. A lookup by contact or by tenant (a walk over everything) waits for
 * the load to finish; expiry starts after it.
 */
public final class LocationService implements Registrations {
    private static final Logger log = LoggerFactory.getLogger(LocationService.class);
    /** How long a lookup by contact or tenant waits for the start-up's bulk load (100,000 bindings take ~2 s). */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final RegistrationStore store;
    private final Clock clock;
    private final Map<String, Aor> aors = new ConcurrentHashMap<>();
    /** contact key → the binding most recently made for it, for requests routed to a registered contact. */
    private final Map<String, Registration> byContact = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Expiry> expiries = new ConcurrentSkipListSet<>();
    /** Accounts changed since the last flush, and whether only expiries moved (a row update) or rows came and went. */
    private final Map<String, Change> dirty = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private final List<LocationListener> listeners = new CopyOnWriteArrayList<>();
    private final Object flushing = new Object();
    /** While loading: the accounts read alone, which the bulk load must leave as they are. */
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private volatile State state = State.CLOSED;
    private volatile CountDownLatch loading = new CountDownLatch(0);
    private boolean listening;
    /** Set once another node is heard from: from then on local changes are stamped for {@link #reread}. */
    private volatile boolean clustered;
    private final AtomicLong localChanges = new AtomicLong();
    /** account key → stamp of its last local change or write, kept until no re-read that began before it is running. */
    private final Map<String, Long> changedSince = new ConcurrentHashMap<>();

    public LocationService(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account key of a device account's bindings (and of phone-key logins at that desk). */
    public static String deviceKey(long deviceId) {
        return "device:" + deviceId;
    }

    /** The account key of a user's own SIP account's bindings. */
    public static String userKey(long userId) {
        return "user:" + userId;
    }

    public void addListener(LocationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LocationListener listener) {
        listeners.remove(listener);
    }

    /**
     * Reads every binding that has not expired from the store; from now on memory is the truth. For a caller that can
     * wait (tests, a restart within one process); the server calls {@link #open} and {@link #loadAll} on its own thread.
     */
    public void load() {
        open();
        loadAll();
    }

    /**
     * From now on memory is the truth and changes are taken, while the bindings are still in the store: until
     * {@link #loadAll} has run, each account is read alone when first touched. Called when the SIP side starts (again
     * after a restart within one process: what it flushed on stop comes back).
     */
    public void open() {
        synchronized (flushing) {
            loading = new CountDownLatch(1);
            aors.clear();
            byContact.clear();
            expiries.clear();
            dirty.clear();
            revocations.clear();
            settled.clear();
            for (Revocation r : store.revocations(clock.instant())) revocations.put(r.key(), r);
            state = State.LOADING;
            if (!listening) {
                store.whenWrittenElsewhere(this::reread);
                listening = true;
            }
        }
    }

    /**
     * Another node of a cluster wrote these accounts' bindings (a phone registered through it): they are read again
     * from the store, unless this node changed one since its last flush (its own write follows and wins: a phone's
     * requests reach one node at a time). Bindings read this way are the other node's to expire and write.
     */
    void reread(List<String> accountKeys) {
        if (state == State.CLOSED) return;
        clustered = true;
        Instant now = clock.instant();
        // one read for the whole notice; an account this node changed or wrote since the read began keeps its own
        // version (its write follows, or has just been announced to the others)
        long before = localChanges.get();
        Map<String, List<Registration>> stored = store.ofAccounts(accountKeys, now);
        for (String key : accountKeys) {
            while (true) {
                Aor aor = aors.computeIfAbsent(key, Aor::new);
                synchronized (aor) {
                    if (aor.retired) continue;
                    Long changedHere = changedSince.get(key);
                    if (dirty.containsKey(key) || changedHere != null && changedHere > before) {
                        if (aor.bindings.isEmpty()) retire(aor); // made just now by computeIfAbsent
                        break;
                    }
                    if (state == State.LOADING) settled.add(key);
                    for (Registration b : aor.bindings) forget(b);
                    aor.bindings.clear();
                    aor.stored = null;
                    for (Registration b : stored.getOrDefault(key, List.of())) hold(aor, b);
                    aor.foreign = true;
                    if (aor.bindings.isEmpty()) retire(aor);
                    break;
                }
            }
        }
        changedSince.values().removeIf(seq -> seq <= before);
    }

    /**
     * Reads every binding not yet read alone since {@link #open}; then lookups by contact and expiry work on all. Not
     * under the flush lock: what REGISTERs change meanwhile is written behind as usual.
     */
    public void loadAll() {
        CountDownLatch mine = loading;
        if (state != State.LOADING) throw new IllegalStateException("location service not opened");
        // a failure (the database) leaves the latch up: lookups keep waiting while the caller tries again
        Instant now = clock.instant();
        store.purgeExpired(now);
        int count = 0;
        for (Registration b : store.active(now)) {
            if (loading != mine) {
                mine.countDown(); // opened again (a restart within the process): that load takes over
                return;
            }
            if (install(b)) count++;
        }
        // an account's bindings are handed out oldest first, as before a restart
        for (Aor aor : aors.values()) {
            synchronized (aor) {
                if (aor.bindings.size() > 1 && !settled.contains(aor.key)) {
                    aor.bindings.sort(Comparator.comparing(Registration::registeredAt));
                }
            }
        }
        synchronized (flushing) {
            if (loading == mine) state = State.LOADED;
        }
        mine.countDown();
        if (state != State.LOADED) return;
        log.info("location loaded bindings={} accounts={} from-bulk-read={} accounts-read-alone={}",
                byContact.size(), aors.size(), count, settled.size());
        settled.clear();
    }

    /** Adds one stored binding of the bulk load, unless its account was read alone (and maybe changed) meanwhile. */
    private boolean install(Registration b) {
        while (true) {
            Aor aor = aors.computeIfAbsent(b.accountKey(), Aor::new);
            synchronized (aor) {
                if (aor.retired) continue;
                if (settled.contains(aor.key)) {
                    if (aor.bindings.isEmpty()) retire(aor);
                    return false;
                }
                // a load tried again after a failure part-way finds what it installed the first time
                for (Registration held : aor.bindings) {
                    if (held.contactKey().equals(b.contactKey())) return false;
                }
                hold(aor, b);
                return true;
            }
        }
    }

    /** Holds a stored binding in memory, under the account's lock. */
    private void hold(Aor aor, Registration b) {
        aor.bindings.add(b);
        aor.storedExpiry(b);
        byContact.put(b.contactKey(), b);
        expiries.add(Expiry.of(b));
    }

    /**
     * While loading, under the account's lock: reads the account alone the first time it is touched. Whatever the
     * bulk load already put here is replaced by that read (it holds all of them); later the bulk load skips it.
     */
    private void settle(Aor aor) {
        if (state != State.LOADING || !settled.add(aor.key)) return;
        for (Registration b : aor.bindings) forget(b);
        aor.bindings.clear();
        aor.stored = null;
        for (Registration b : store.ofAccount(aor.key, clock.instant())) hold(aor, b);
    }

    /** Waits (a start-up's few seconds at most) until every binding is read, for lookups that span all accounts. */
    private void awaitLoaded() {
        if (state != State.LOADING) return;
        try {
            if (!loading.await(LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("location still loading after {} s: answering from what is loaded", LOAD_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bindings held now, of every account (for metrics). */
    public int bindingCount() {
        return byContact.size();
    }

    /** Bindings of an account that have not expired, oldest first. */
    public List<Registration> bindings(String accountKey) {
        Instant now = clock.instant();
        if (state == State.CLOSED) return store.ofAccount(accountKey, now);
        Aor aor = state == State.LOADING ? settled(accountKey) : aors.get(accountKey);
        if (aor == null) return List.of();
        synchronized (aor) {
            List<Registration> live = new ArrayList<>(aor.bindings.size());
            for (Registration b : aor.bindings) {
                if (b.expiresAt().isAfter(now)) live.add(b);
            }
            return live;
        }
    }

    /** Adds or refreshes a binding (see the class comment for what it replaces). */
    public void put(String accountKey, Registration binding) {
        requireLoaded();
        List<Registration> replaced = new ArrayList<>(1);
        String contactKey = binding.contactKey();
        boolean[] storedStillHolds = {false};
        withAor(accountKey, aor -> {
            Instant stored = aor.stored == null ? null : aor.stored.get(contactKey);
            storedStillHolds[0] = stored != null && storedStillHolds(stored, binding);
            for (int i = aor.bindings.size() - 1; i >= 0; i--) {
                Registration old = aor.bindings.get(i);
                boolean sameInstance = binding.instanceId() != null && binding.instanceId().equals(old.instanceId());
                if (sameInstance || old.contactKey().equals(contactKey)) {
                    aor.bindings.remove(i);
                    forget(old);
                    replaced.add(old);
                }
            }
            aor.bindings.add(binding);
            byContact.put(contactKey, binding);
            expiries.add(Expiry.of(binding));
        });
        // the usual case, a phone refreshing its one contact, is an update of its row, not a delete and an insert
        boolean sameRow = replaced.size() == 1 && replaced.get(0).contactKey().equals(contactKey);
        if (!(sameRow && storedStillHolds[0] && sameButTimes(replaced.get(0), binding))) {
            changed(accountKey, sameRow ? Change.REFRESHED : Change.REWRITTEN);
        }
        if (replaced.isEmpty()) {
            tell(l -> l.inserted(binding));
        } else {
            for (Registration old : replaced) tell(l -> l.refreshed(old, binding));
        }
    }

    /** Removes one contact of an account; answers it when it was bound. */
    public Optional<Registration> remove(String accountKey, String contact) {
        requireLoaded();
        String contactKey = ContactKey.of(contact);
        List<Registration> removed = new ArrayList<>(1);
        withAor(accountKey, aor -> aor.bindings.removeIf(b -> {
            if (!b.contactKey().equals(contactKey)) return false;
            forget(b);
            removed.add(b);
            return true;
        }));
        if (removed.isEmpty()) return Optional.empty();
        changed(accountKey, Change.REWRITTEN);
        for (Registration b : removed) tell(l -> l.removed(b));
        return Optional.of(removed.get(0));
    }

    /** Removes every binding of an account (a REGISTER with {@code Contact: *}). */
    public List<Registration> removeAll(String accountKey) {
        requireLoaded();
        List<Registration> removed = new ArrayList<>();
        withAor(accountKey, aor -> {
            for (Registration b : aor.bindings) forget(b);
            removed.addAll(aor.bindings);
            aor.bindings.clear();
        });
        changed(accountKey, Change.REWRITTEN);
        for (Registration b : removed) tell(l -> l.removed(b));
        return removed;
    }

    /** The live binding made for a contact ({@link ContactKey}), for requests routed to it. */
    public Optional<Registration> byContact(String contactKey) {
        Registration b = byContact.get(contactKey);
        if (b == null && state == State.LOADING) {
            awaitLoaded();
            b = byContact.get(contactKey);
        }
        return b != null && b.expiresAt().isAfter(clock.instant()) ? Optional.of(b) : Optional.empty();
    }

    /** Drops every binding that has run out, telling the listeners; answers how many. */
    public int expire() {
        if (state != State.LOADED) return 0;
        Instant now = clock.instant();
        List<Registration> gone = new ArrayList<>();
        for (Expiry next = firstExpiry(); next != null && next.atMillis <= now.toEpochMilli(); next = firstExpiry()) {
            Expiry first = next;
            expiries.remove(first);
            Aor aor = aors.get(first.accountKey);
            if (aor == null) continue;
            boolean foreign;
            synchronized (aor) {
                foreign = aor.foreign;
                aor.bindings.removeIf(b -> {
                    if (!b.contactKey().equals(first.contactKey) || b.expiresAt().isAfter(now)) return false;
                    byContact.remove(b.contactKey(), b);
                    if (!foreign) gone.add(b);
                    return true;
                });
                if (aor.bindings.isEmpty()) retire(aor);
            }
            // another node's binding: forgotten here; that node writes and announces its expiry
            if (!foreign) changed(first.accountKey, Change.REWRITTEN);
        }
        revocations.values().removeIf(r -> !r.until().isAfter(now));
        for (Registration b : gone) tell(l -> l.expired(b));
        return gone.size();
    }

    /**
     * Writes every address-of-record changed since the last flush, in one transaction. On a database error the
     * changes stay marked and go with the next flush.
     *
     * @return how many addresses-of-record were written
     */
    public int flush() {
        synchronized (flushing) {
            if (state == State.CLOSED || dirty.isEmpty()) return 0;
            Map<String, List<Registration>> rewritten = new HashMap<>();
            List<Registration> refreshed = new ArrayList<>();
            Map<String, Change> taken = new HashMap<>();
            Map<Aor, List<Registration>> written = new HashMap<>();
            for (String key : dirty.keySet()) {
                Change change = dirty.remove(key);
                if (change == null) continue;
                taken.put(key, change);
                Aor aor = aors.get(key);
                List<Registration> now = List.of();
                if (aor != null) {
                    synchronized (aor) {
                        now = List.copyOf(aor.bindings);
                    }
                    written.put(aor, now);
                }
                if (change == Change.REFRESHED) {
                    refreshed.addAll(now);
                } else {
                    rewritten.put(key, now);
                }
            }
            try {
                store.write(rewritten, refreshed);
            } catch (RuntimeException e) {
                taken.forEach(this::changed);
                log.warn("location write-behind failed, will retry accounts={} cause={}", taken.size(), e.toString());
                return 0;
            }
            written.forEach(LocationService::remember);
            taken.keySet().forEach(this::noteLocal);
            return taken.size();
        }
    }

    /** Refuses the refresh of this phone-key binding (see {@link Revocation}) until it would have expired. */
    public void revoke(Registration binding) {
        if (binding.callId() == null || binding.deviceId() == null || binding.userId() == null) return;
        Revocation r = new Revocation(binding.deviceId(), binding.userId(), binding.callId(), binding.expiresAt());
        store.revoke(r);
        revocations.put(r.key(), r);
    }

    public boolean isRevoked(long deviceId, long userId, String callId) {
        Revocation r = revocations.get(Revocation.key(deviceId, userId, callId));
        return r != null && r.until().isAfter(clock.instant());
    }

    @Override
    public List<Registration> ofDevice(long deviceId) {
        return bindings(deviceKey(deviceId));
    }

    @Override
    public List<Registration> ofUser(long userId) {
        return bindings(userKey(userId));
    }

    /** Every live binding of a tenant (for the console and the API: a walk over all accounts, not a hot path). */
    @Override
    public List<Registration> inTenant(long tenantId) {
        if (state == State.CLOSED) return store.inTenant(tenantId, clock.instant());
        awaitLoaded();
        Instant now = clock.instant();
        List<Registration> found = new ArrayList<>();
        for (Aor aor : aors.values()) {
            synchronized (aor) {
                for (Registration b : aor.bindings) {
                    if (b.tenantId() == tenantId && b.expiresAt().isAfter(now)) found.add(b);
                }
            }
        }
        found.sort(Comparator.comparing(Registration::account).thenComparing(Registration::registeredAt));
        return found;
    }

    /** Closed: reads go to the store (admin commands); loading: see the class comment; loaded: memory holds all. */
    private enum State { CLOSED, LOADING, LOADED }

    private void changed(String accountKey, Change change) {
        dirty.merge(accountKey, change, Change::and);
        noteLocal(accountKey);
    }

    /** In a cluster: this node changed or wrote the account now (see {@link #reread}). */
    private void noteLocal(String accountKey) {
        if (clustered) changedSince.put(accountKey, localChanges.incrementAndGet());
    }

    /** What a flush must write for an account. */
    private enum Change {
        /** Only the expiry (and what the phone sent again) of existing rows moved. */
        REFRESHED,
        /** Bindings came or went: the account's rows are written anew. */
        REWRITTEN;

        Change and(Change other) {
            return this == REWRITTEN || other == REWRITTEN ? REWRITTEN : REFRESHED;
        }
    }

    /** Runs {@code change} under the account's lock, on an address-of-record that is still in the map. */
    private void withAor(String accountKey, Consumer<Aor> change) {
        while (true) {
            Aor aor = aors.computeIfAbsent(accountKey, Aor::new);
            synchronized (aor) {
                if (aor.retired) continue;
                settle(aor);
                aor.foreign = false;
                change.accept(aor);
                if (aor.bindings.isEmpty()) retire(aor);
                return;
            }
        }
    }

    /** While loading: the account's entry, read alone from the store if it was not yet; null when it has no bindings. */
    private Aor settled(String accountKey) {
        while (true) {
            Aor aor = aors.computeIfAbsent(accountKey, Aor::new);
            synchronized (aor) {
                if (aor.retired) continue;
                settle(aor);
                if (!aor.bindings.isEmpty()) return aor;
                retire(aor);
                return null;
            }
        }
    }

    /** An empty address-of-record leaves the map; a thread that still holds it sees it retired and takes a new one. */
    private void retire(Aor aor) {
        aor.retired = true;
        aors.remove(aor.key, aor);
    }

    private void forget(Registration b) {
        byContact.remove(b.contactKey(), b);
        expiries.remove(Expiry.of(b));
    }

    private Expiry firstExpiry() {
        try {
            return expiries.first();
        } catch (java.util.NoSuchElementException empty) {
            return null;
        }
    }

    private void requireLoaded() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("location service not opened: only the SIP server changes bindings");
        }
    }

    private void tell(Consumer<LocationListener> event) {
        for (LocationListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.error("location listener failed", e);
            }
        }
    }

    /** The bindings of one address-of-record; guarded by its own monitor. */
    private static final class Aor {
        final String key;
        final List<Registration> bindings = new ArrayList<>(2);
        /** contact key → the expiry the database holds for it; null until something was stored */
        Map<String, Instant> stored;
        boolean retired;
        /** Read again after another node wrote it, and not changed here since. */
        boolean foreign;

        Aor(String key) {
            this.key = key;
        }

        void storedExpiry(Registration b) {
            if (stored == null) stored = new HashMap<>(2);
            stored.put(b.contactKey(), b.expiresAt());
        }
    }

    /** After a write: what the database now holds for these bindings (a rewrite holds exactly them). */
    private static void remember(Aor aor, List<Registration> written) {
        synchronized (aor) {
            if (aor.stored != null) aor.stored.keySet().retainAll(written.stream().map(Registration::contactKey).toList());
            for (Registration b : written) aor.storedExpiry(b);
        }
    }

    /**
     * Does the stored expiry still carry the binding through a crash? While it has at least half of the newly
     * granted time left; a new expiry earlier than the stored one (a phone that shortened its registration) is
     * written at once.
     */
    private static boolean storedStillHolds(Instant stored, Registration fresh) {
        if (fresh.expiresAt().isBefore(stored)) return false;
        long now = fresh.registeredAt().toEpochMilli();
        long granted = fresh.expiresAt().toEpochMilli() - now;
        return (stored.toEpochMilli() - now) * 2 >= granted;
    }

    /**
     * The same binding apart from when it was made, when it runs out and the Call-ID of the REGISTER (a phone keeps
     * one Call-ID for its refreshes, RFC 3261 §10.2.4; one that does not gets its newest written with the next
     * due write): nothing a restart needs sooner. Where the phone is reached (source, transport, path) and who it is
     * are written at once.
     */
    private static boolean sameButTimes(Registration a, Registration b) {
        return a.tenantId() == b.tenantId() && java.util.Objects.equals(a.deviceId(), b.deviceId())
                && java.util.Objects.equals(a.userId(), b.userId()) && a.account().equals(b.account())
                && a.contact().equals(b.contact()) && a.source().equals(b.source()) && a.transport().equals(b.transport())
                && java.util.Objects.equals(a.userAgent(), b.userAgent())
                && java.util.Objects.equals(a.instanceId(), b.instanceId()) && a.path().equals(b.path());
    }

    /** When one binding runs out; ordered by time, then by account and contact so entries never collide. */
    private record Expiry(long atMillis, String accountKey, String contactKey) implements Comparable<Expiry> {
        static Expiry of(Registration b) {
            return new Expiry(b.expiresAt().toEpochMilli(), b.accountKey(), b.contactKey());
        }

        @Override
        public int compareTo(Expiry o) {
            int c = Long.compare(atMillis, o.atMillis);
            if (c != 0) return c;
            c = accountKey.compareTo(o.accountKey);
            return c != 0 ? c : contactKey.compareTo(o.contactKey);
        }
    }
}
