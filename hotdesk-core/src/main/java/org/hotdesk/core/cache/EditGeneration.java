package org.hotdesk.core.cache;

/**
 * A number every process sharing the database raises with each edit of a cached row, so a server notices edits
 * made elsewhere (an admin command, another node) and drops its caches. Port; the store keeps it in one row.
 */
public interface EditGeneration {
    long current();

    /** Raises the number (its own short transaction, after the edit committed); answers the new value. */
    long bump();
}
