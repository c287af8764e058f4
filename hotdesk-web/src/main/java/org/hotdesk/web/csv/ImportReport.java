package org.hotdesk.web.csv;

import org.hotdesk.core.bulk.ImportCounts;

/** What an accepted file did: rows that added, changed, or already matched. */
public record ImportReport(int created, int updated, int unchanged) {
    static ImportReport of(ImportCounts counts) {
        return new ImportReport(counts.added(), counts.updated(), counts.unchanged());
    }
}
