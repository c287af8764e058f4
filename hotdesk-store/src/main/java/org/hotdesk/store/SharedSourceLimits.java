package org.hotdesk.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceNews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-address limiter's view shared by every node on the database: each node tells the others, a few times a
 * second, the failures it counted and the addresses it blocked ({@code NOTIFY} on topic {@value #TOPIC}), and
 * writes blocks to {@code source_blocks}, which a node starting later reads. So a guesser behind the edge, whose
 * tries land on any node, is blocked after the allowance, not after the allowance times the number of nodes, and
 * stays blocked on every node. Written behind, off the SIP threads: a flood of failures costs one small write per
 * interval, not one per failure.
 */
public final class SharedSourceLimits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedSourceLimits.class);
    static final String TOPIC = "sources";
    /** How often news goes out: the most another node lags behind a failure counted here. */
    static final Duration INTERVAL = Duration.ofMillis(200);

    private final Database database;
    private final SourceGuard guard;
    private final Clock clock;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "source-limits");
        t.setDaemon(true);
        return t;
    });
    private List<SourceNews> unsent = List.of();

    private SharedSourceLimits(Database database, SourceGuard guard, Clock clock) {
        this.database = database;
        this.guard = guard;
        this.clock = clock;
    }

    /** Loads the blocks still in force, then shares from now on. */
    public static SharedSourceLimits start(Database database, SourceGuard guard, Clock clock) {
        SharedSourceLimits shared = new SharedSourceLimits(database, guard, clock);
        guard.shareWithOtherNodes();
        database.notices().listen(TOPIC, lines -> lines.forEach(shared::heard));
        for (SourceNews block : shared.blocksInForce()) guard.heard(block);
        shared.sender.scheduleWithFixedDelay(shared::send, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return shared;
    }

    List<SourceNews> blocksInForce() {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT address, blocked_until FROM source_blocks WHERE blocked_until > :now")
                .bind("now", clock.instant())
                .map((rs, ctx) -> new SourceNews(rs.getString("address"), 0, Columns.instant(rs, "blocked_until")))
                .list());
    }

    /** Sends what the guard has counted since the last time; kept for the next turn when the database fails. */
    synchronized void send() {
        List<SourceNews> news = new ArrayList<>(unsent);
        news.addAll(guard.news());
        if (news.isEmpty()) return;
        try {
            Instant now = clock.instant();
            database.jdbi().useTransaction(h -> {
                List<String> lines = new ArrayList<>(news.size());
                for (SourceNews n : news) {
                    if (n.blockedUntil() != null) {
                        int updated = h.createUpdate("UPDATE source_blocks SET blocked_until = :until "
                                        + "WHERE address = :address AND blocked_until < :until")
                                .bind("address", n.address()).bind("until", n.blockedUntil()).execute();
                        if (updated == 0) {
                            h.createUpdate("INSERT INTO source_blocks (address, blocked_until) SELECT :address, :until "
                                            + "WHERE NOT EXISTS (SELECT 1 FROM source_blocks WHERE address = :address)")
                                    .bind("address", n.address()).bind("until", n.blockedUntil()).execute();
                        }
                        lines.add("b " + n.address() + " " + n.blockedUntil().toEpochMilli());
                    } else {
                        lines.add("f " + n.address() + " " + n.failures());
                    }
                }
                h.createUpdate("DELETE FROM source_blocks WHERE blocked_until <= :now").bind("now", now).execute();
                database.notices().publish(h, TOPIC, lines);
            });
            unsent = List.of();
        } catch (RuntimeException e) {
            unsent = news.size() > 10_000 ? news.subList(news.size() - 10_000, news.size()) : news;
            log.warn("source limiter news not shared; trying again: {}", e.toString());
        }
    }

    private void heard(String line) {
        String[] parts = line.split(" ");
        try {
            if (parts.length != 3) throw new IllegalArgumentException(line);
            if (parts[0].equals("b")) {
                guard.heard(new SourceNews(parts[1], 0, Instant.ofEpochMilli(Long.parseLong(parts[2]))));
            } else if (parts[0].equals("f")) {
                guard.heard(new SourceNews(parts[1], Integer.parseInt(parts[2]), null));
            }
        } catch (IllegalArgumentException e) {
            log.warn("source limiter news not understood: {}", line);
        }
    }

    /** Stops, after sending what is left. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send();
    }
}
