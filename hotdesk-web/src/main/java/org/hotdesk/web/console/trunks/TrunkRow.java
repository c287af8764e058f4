package org.hotdesk.web.console.trunks;

import java.util.List;
import java.util.Map;
import org.hotdesk.core.trunk.Trunk;

/** A trunk as the console lists it: its networks in a line, and each DID with the extension it rings. */
public record TrunkRow(Trunk trunk) {

    public String networks() {
        return String.join(", ", trunk.sourceCidrs());
    }

    /** "+14155550100 → 1001", in the order they were given. */
    public List<String> dids() {
        return trunk.dids().entrySet().stream().map(Map.Entry::getKey)
                .map(n -> n + " → " + trunk.dids().get(n)).toList();
    }
}
