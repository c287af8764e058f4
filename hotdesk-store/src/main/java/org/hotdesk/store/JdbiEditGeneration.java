package org.hotdesk.store;

import org.hotdesk.core.cache.EditGeneration;

/** The one-row edit counter (see {@link EditGeneration}). */
final class JdbiEditGeneration implements EditGeneration {
    private final JdbiTransactions db;

    JdbiEditGeneration(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public long current() {
        return db.withHandle(h -> h.createQuery("SELECT generation FROM edit_generation WHERE id = 1")
                .mapTo(Long.class).one());
    }

    @Override
    public long bump() {
        return db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("UPDATE edit_generation SET generation = generation + 1 WHERE id = 1").execute();
            return h.createQuery("SELECT generation FROM edit_generation WHERE id = 1").mapTo(Long.class).one();
        }));
    }
}
