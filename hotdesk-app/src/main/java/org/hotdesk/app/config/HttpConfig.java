package org.hotdesk.app.config;

/**
 * Where the HTTP server listens.
 *
 * @param port 0 takes any free port (tests, several servers on one machine); the server logs the one it got
 */
public record HttpConfig(String host, int port) {
    public static final HttpConfig DEFAULTS = new HttpConfig("0.0.0.0", 8080);

    public HttpConfig {
        Require.text("http.host", host);
        Require.between("http.port", port, 0, 65535);
    }
}
