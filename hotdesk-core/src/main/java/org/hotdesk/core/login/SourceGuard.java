package org.hotdesk.core.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts authentication failures per source address (wrong SIP passwords and PINs, probes of unknown
 * accounts, wrong codes and PINs dialled or keyed in), slows an address down past half its allowance and
 * blocks it at the limit. The lockout per user and per device stops guessing one account; this stops one
 * address guessing many. Every login path feeds the same instance; a blocked address gets no answer at all,
 * so a scanner learns nothing and spends its time waiting for timeouts.
 */
public final class SourceGuard {
    private static final Logger log = LoggerFactory.getLogger(SourceGuard.class);
    /** Beyond this many tracked addresses the quiet ones are forgotten, so a spoofed flood cannot fill memory. */
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final SourceLimits limits;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final LongAdder blocks = new LongAdder();
    /** Beyond this many untold failures the newest are not told (a flood of made-up addresses); blocks always are. */
    private static final int MAX_PENDING = 10_000;
    private final java.util.Queue<SourceNews> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger untold = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean sharing;

    public SourceGuard(Clock clock, SourceLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Addresses blocked since the start (for metrics). */
    public long blocksSoFar() {
        return blocks.sum();
    }

    /** Addresses blocked now (for metrics). */
    public long blockedNow() {
        Instant now = clock.instant();
        return blockedUntil.values().stream().filter(now::isBefore).count();
    }

    public boolean isBlocked(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) return false;
        if (clock.instant().isBefore(until)) return true;
        blockedUntil.remove(address, until);
        log.info("source unblocked address={}", address);
        return false;
    }

    /** When the block on {@code address} ends, if it is blocked now (for pages that say how long to wait). */
    public java.util.Optional<Instant> blockedUntil(String address) {
        return isBlocked(address) ? java.util.Optional.ofNullable(blockedUntil.get(address)) : java.util.Optional.empty();
    }

    /**
     * Counts a login refused for a guessed secret (wrong PIN or code, or one tried while locked) against the
     * address it came from; returns the result unchanged.
     */
    public LoginResult count(String address, String what, LoginResult result) {
        if (result instanceof LoginResult.Refused refused && switch (refused.refusal()) {
            case INVALID_CREDENTIALS, INVALID_CODE, CODE_EXPIRED, CODE_ALREADY_USED, LOCKED -> true;
            default -> false;
        }) {
            failed(address, what + " " + refused.refusal());
        }
        return result;
    }

    /**
     * How long to hold back the answer to an address's failed attempt: nothing for the first half of its
     * allowance, then half a second more for each further failure, at most five seconds. A person who
     * mistyped is not slowed; a guesser gets slower until it is blocked.
     */
    public Duration delayFor(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) return Duration.ZERO;
        int count;
        synchronized (recent) {
            Instant windowStart = clock.instant().minus(Duration.ofSeconds(limits.windowSeconds()));
            count = (int) recent.stream().filter(t -> !t.isBefore(windowStart)).count();
        }
        int free = Math.max(1, limits.maxFailures() / 2);
        if (count < free) return Duration.ZERO;
        return Duration.ofMillis(Math.min(5000, 500L * (count - free + 1)));
    }

    /** A failed authentication, or a probe of an account that does not exist. */
    public void failed(String address, String what) {
        count(address, 1, what, true);
    }

    private void count(String address, int howMany, String what, boolean here) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.keySet().removeIf(a -> !blockedUntil.containsKey(a));
        }
        if (here) tell(new SourceNews(address, howMany, null));
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        int count;
        synchronized (recent) {
            for (int i = 0; i < howMany; i++) recent.addLast(now);
            Instant windowStart = now.minus(Duration.ofSeconds(limits.windowSeconds()));
            while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) recent.removeFirst();
            count = recent.size();
        }
        Instant until = now.plus(Duration.ofMinutes(limits.blockMinutes()));
        if (count >= limits.maxFailures() && blockedUntil.putIfAbsent(address, until) == null) {
            failures.remove(address);
            blocks.increment();
            tell(new SourceNews(address, 0, until));
            log.warn("source blocked address={} failures={} within={}s for={}min last={}", address, count,
                    limits.windowSeconds(), limits.blockMinutes(), here ? what : "counted on other nodes");
        }
    }

    // ---- the other nodes of a cluster (SharedSourceLimits in the store module carries the news)

    /**
     * From now on, keeps what happens here (failures counted, blocks set) for {@link #news()}, so the other nodes
     * of a cluster count them too. A phone behind the edge may reach any node; without this a guesser spreading its
     * tries over N nodes would get N times the allowance.
     */
    public void shareWithOtherNodes() {
        sharing = true;
    }

    private void tell(SourceNews item) {
        if (!sharing) return;
        if (item.blockedUntil() == null && untold.get() >= MAX_PENDING) return; // a flood: the blocks still go
        untold.incrementAndGet();
        pending.add(item);
    }

    /** What happened here since the last call, failures summed per address. */
    public List<SourceNews> news() {
        Map<String, Integer> failed = new LinkedHashMap<>();
        List<SourceNews> out = new ArrayList<>();
        SourceNews item;
        while ((item = pending.poll()) != null) {
            untold.decrementAndGet();
            if (item.blockedUntil() != null) out.add(item);
            else failed.merge(item.address(), item.failures(), Integer::sum);
        }
        failed.forEach((address, n) -> out.add(new SourceNews(address, n, null)));
        return out;
    }

    /** What another node counted or blocked: counted here as if it had happened here, but not told on again. */
    public void heard(SourceNews item) {
        if (item.blockedUntil() != null) {
            if (!clock.instant().isBefore(item.blockedUntil())) return;
            boolean known = blockedUntil.containsKey(item.address());
            // two nodes may block one address a moment apart: the later end holds
            blockedUntil.merge(item.address(), item.blockedUntil(), (held, told) -> held.isAfter(told) ? held : told);
            if (!known) {
                failures.remove(item.address());
                log.info("source blocked address={} until={} by another node", item.address(), item.blockedUntil());
            }
            return;
        }
        if (item.failures() > 0 && !isBlocked(item.address())) {
            count(item.address(), Math.min(item.failures(), limits.maxFailures()), null, false);
        }
    }
}
