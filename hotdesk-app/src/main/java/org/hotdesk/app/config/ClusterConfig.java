package org.hotdesk.app.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hotdesk.sip.stack.TrustedEdges;

/**
 * This node's place in a cluster: several nodes on one PostgreSQL behind a SIP edge ({@code deploy/kamailio/}).
 * A single server leaves all three as they are.
 *
 * @param nodeId       this node's name in {@code bin/hotdesk cluster status} and its start-up log; "" = the machine's
 *                     host name and the SIP port ({@code pbx1-5060}). Letters, digits, '.', '-', '_'
 * @param edge         the edge's address as phones reach it, {@code host} or {@code host:port}: the SIP server written
 *                     into the configuration phones fetch. "" = this node's own ({@code sip.advertisedHost}, SIP port)
 * @param trustedEdges the edge's address as this node sees it (IP, or IP:port): requests from it carry the phone's
 *                     own address ({@code X-Hotdesk-Source}), which the per-address limiter, trusted networks and
 *                     desk recognition then use. Empty = phones talk to this node directly
 */
public record ClusterConfig(String nodeId, String edge, List<String> trustedEdges) {
    public static final ClusterConfig DEFAULTS = new ClusterConfig("", "", List.of());
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

    public ClusterConfig {
        nodeId = nodeId == null ? "" : nodeId.trim();
        if (!nodeId.isEmpty() && !NODE_ID.matcher(nodeId).matches()) {
            throw ConfigException.forKey("cluster.nodeId", "'" + nodeId
                    + "' must be 1-64 letters, digits, '.', '-' or '_'");
        }
        edge = edge == null ? "" : edge.trim();
        if (!edge.isEmpty()) {
            String[] parts = split(edge);
            if (parts == null || !HOST.matcher(parts[0]).matches()) {
                throw ConfigException.forKey("cluster.edge", "'" + edge
                        + "' is not a host name or address, with or without :port");
            }
            if (parts[1] != null) Require.between("cluster.edge", parsePort(parts[1], edge), 1, 65535);
        }
        trustedEdges = trustedEdges == null ? List.of() : List.copyOf(trustedEdges);
        try {
            TrustedEdges.of(trustedEdges);
        } catch (IllegalArgumentException e) {
            throw ConfigException.forKey("cluster.trustedEdges", e.getMessage());
        }
    }

    private static int parsePort(String text, String edge) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ConfigException.forKey("cluster.edge", "'" + edge + "' has a port that is not a number");
        }
    }

    /** This node's id: the configured one, or host name and SIP port. */
    public String nodeId(String hostName, int sipPort) {
        if (!nodeId.isEmpty()) return nodeId;
        String host = hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return (host.isEmpty() ? "hotdesk" : host) + "-" + sipPort;
    }

    /** The edge's host, or null when phones reach this node directly. */
    public String edgeHost() {
        return edge.isEmpty() ? null : split(edge)[0];
    }

    /** The edge's port: as configured, or 5060. */
    public int edgePort() {
        String port = edge.isEmpty() ? null : split(edge)[1];
        return port == null ? 5060 : Integer.parseInt(port);
    }

    /** {host, port or null}; null when the brackets of an IPv6 address do not close. */
    private static String[] split(String edge) {
        if (edge.startsWith("[")) {
            int close = edge.indexOf(']');
            if (close < 0) return null;
            String rest = edge.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) return null;
            return new String[] {edge.substring(0, close + 1), rest.isEmpty() ? null : rest.substring(1)};
        }
        int colon = edge.indexOf(':');
        return colon < 0 ? new String[] {edge, null} : new String[] {edge.substring(0, colon), edge.substring(colon + 1)};
    }
}
