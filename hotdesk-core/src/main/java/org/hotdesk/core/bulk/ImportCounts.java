package org.hotdesk.core.bulk;

/**
 * What a bulk import did: rows that added something, rows that changed something, and rows that already
 * matched (an exported file imported again is all {@code unchanged}).
 */
public record ImportCounts(int added, int updated, int unchanged) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0);

    public ImportCounts plusAdded() {
        return new ImportCounts(added + 1, updated, unchanged);
    }

    public ImportCounts plusUpdated() {
        return new ImportCounts(added, updated + 1, unchanged);
    }

    public ImportCounts plusUnchanged() {
        return new ImportCounts(added, updated, unchanged + 1);
    }
}
