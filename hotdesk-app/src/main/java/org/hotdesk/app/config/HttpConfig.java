package org.hotdesk.app.config;

/**
 * Where the HTTP server listens.
 *
 * @param port      0 takes any free port (tests, several servers on one machine); the server logs the one it got
 * @param publicUrl how phones and people reach this server over HTTP(S), e.g. {@code https://pbx.example.com:8443};
 *                  the base of every tenant's provisioning URL. Empty = {@code http://<sip.advertisedHost>:<port>}
 */
public record HttpConfig(String host, int port, String publicUrl) {
    public static final HttpConfig DEFAULTS = new HttpConfig("0.0.0.0", 8080, "");

    public HttpConfig(String host, int port) {
        this(host, port, "");
    }

    public HttpConfig {
        Require.text("http.host", host);
        Require.between("http.port", port, 0, 65535);
        publicUrl = publicUrl == null ? "" : publicUrl.trim();
        if (!publicUrl.isEmpty() && !publicUrl.matches("https?://[^/\\s]+/?")) {
            throw ConfigException.forKey("http.publicUrl", "'" + publicUrl
                    + "' is not a base URL such as https://pbx.example.com:8443 (scheme, host, optional port, no path)");
        }
    }

    /** The public base URL, given the host phones reach and the port actually bound. */
    public String publicUrl(String advertisedHost, int boundPort) {
        return publicUrl.isEmpty() ? "http://" + advertisedHost + ":" + boundPort : publicUrl.replaceAll("/$", "");
    }
}
