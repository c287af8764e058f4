package org.hotdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one node of a cluster tells the others through the database they share: PostgreSQL's {@code NOTIFY}, sent in
 * the writer's transaction and so delivered only if it commits, and heard on one {@code LISTEN} connection per node.
 * A topic carries names of things written (account keys of bindings, ...); the hearer re-reads them from the
 * database. Each node ignores what it sent itself. On H2 (one server per database file) there is no one to tell.
 *
 * <p>Channels carry the schema's name: processes on other schemas of the same database (tests) do not hear each other.
 */
public final class ClusterNotices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNotices.class);
    /** PostgreSQL refuses payloads of 8,000 bytes and more; a long list goes as several notices. */
    static final int MAX_PAYLOAD = 7_800;

    private final DataSource dataSource;
    private final boolean postgres;
    private final String prefix;
    private final String sender = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<List<String>>>> listeners = new ConcurrentHashMap<>();
    private volatile Thread listening;
    private volatile boolean closed;

    ClusterNotices(DataSource dataSource, boolean postgres, String schema) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.prefix = "hotdesk_" + (schema == null ? "" : schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "") + "_");
    }

    /** Whether other processes can be told anything (PostgreSQL) or this one is alone on its database (H2). */
    public boolean shared() {
        return postgres;
    }

    /** Tells the other nodes, when the transaction of {@code handle} commits, that these things of a topic changed. */
    public void publish(Handle handle, String topic, Collection<String> names) {
        if (!postgres || names.isEmpty()) return;
        StringBuilder payload = new StringBuilder(sender);
        for (String name : names) {
            if (payload.length() + 1 + name.length() > MAX_PAYLOAD) {
                notify(handle, topic, payload);
                payload = new StringBuilder(sender);
            }
            payload.append('\n').append(name);
        }
        notify(handle, topic, payload);
    }

    private void notify(Handle handle, String topic, CharSequence payload) {
        // pg_notify returns void, which JDBC cannot map: counted instead
        handle.createQuery("SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) sent")
                .bind("channel", prefix + topic).bind("payload", payload.toString()).mapTo(Long.class).one();
    }

    /** Hears what other nodes publish on a topic, on the notices thread; nothing on H2. */
    public synchronized void listen(String topic, Consumer<List<String>> names) {
        if (!postgres) return;
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(names);
        if (listening == null) {
            listening = new Thread(this::hear, "cluster-notices");
            listening.setDaemon(true);
            listening.start();
        }
    }

    /**
     * One connection held for LISTEN (topics added later are listened to on the next turn); when it breaks, a new one.
     * What was sent meanwhile is missed (logged): those names are re-read when next written.
     */
    private void hear() {
        while (!closed) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                Map<String, String> topics = new ConcurrentHashMap<>();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    for (String topic : listeners.keySet()) {
                        if (topics.containsKey(prefix + topic)) continue;
                        s.execute("LISTEN " + prefix + topic);
                        topics.put(prefix + topic, topic);
                    }
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices == null) continue;
                    for (PGNotification n : notices) deliver(topics.get(n.getName()), n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                log.warn("cluster notices connection lost, listening again in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void deliver(String topic, String payload) {
        if (topic == null) return;
        String[] parts = payload.split("\n");
        if (parts.length < 2 || parts[0].equals(sender)) return;
        List<String> names = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) names.add(parts[i]);
        for (Consumer<List<String>> listener : listeners.getOrDefault(topic, List.of())) {
            try {
                listener.accept(names);
            } catch (RuntimeException e) {
                log.error("cluster notice listener failed topic={}", topic, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = listening;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
