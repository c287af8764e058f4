package org.hotdesk.core.device;

/**
 * One row of a gateway import: a new gateway with {@code ports} lines, or the provisioning of an existing one
 * (whose vendor, name, model and port count must then match: an import does not rebuild a gateway).
 */
public record GatewayImportRow(NewDevice gateway, int ports) {
    public GatewayImportRow {
        if (gateway == null) throw new IllegalArgumentException("an import row needs its gateway");
    }
}
