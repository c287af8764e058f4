package org.hotdesk.store;

import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.ForwardingStore;
import org.hotdesk.core.forwarding.NoAnswer;

public final class JdbiForwardingStore implements ForwardingStore {
    private final JdbiTransactions db;

    public JdbiForwardingStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Forwarding find(long userId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM user_forwarding WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> {
                    ForwardTarget noAnswer = ForwardTarget.decode(rs.getString("no_answer_target"));
                    return new Forwarding(ForwardTarget.decode(rs.getString("always_target")),
                            ForwardTarget.decode(rs.getString("busy_target")),
                            noAnswer == null ? null : new NoAnswer(noAnswer, rs.getInt("no_answer_seconds")),
                            ForwardTarget.decode(rs.getString("unreachable_target")));
                })
                .findOne().orElse(Forwarding.NONE));
    }

    @Override
    public void save(long userId, Forwarding f) {
        db.withHandle(h -> {
            h.createUpdate("DELETE FROM user_forwarding WHERE user_id = :user").bind("user", userId).execute();
            if (f.isNone()) return null;
            return h.createUpdate("""
                            INSERT INTO user_forwarding (user_id, always_target, busy_target, no_answer_target,
                              no_answer_seconds, unreachable_target)
                            VALUES (:user, :always, :busy, :noAnswer, :seconds, :unreachable)""")
                    .bind("user", userId)
                    .bind("always", encode(f.always()))
                    .bind("busy", encode(f.busy()))
                    .bind("noAnswer", f.noAnswer() == null ? null : f.noAnswer().target().encode())
                    .bind("seconds", f.noAnswer() == null ? null : f.noAnswer().afterSeconds())
                    .bind("unreachable", encode(f.unreachable()))
                    .execute();
        });
    }

    private static String encode(ForwardTarget t) {
        return t == null ? null : t.encode();
    }
}
