package org.hotdesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConfiguration;
import org.hotdesk.core.security.TlsPolicy;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.hotdesk.web.health.HealthApi;
import org.hotdesk.web.provisioning.ProvisioningApi;
import org.hotdesk.web.health.HealthCheck;

/**
 * The HTTP side of hotdesk on Javalin 7 (Jetty 12). Javalin 7 takes every route and handler up front, in
 * the config block, so this class is where the route classes are assembled; nothing is added after start.
 */
public final class HttpServer {
    private final String host;
    private final int port;
    private final Javalin javalin;
    private ServerConnector httpConnector;
    private ServerConnector httpsConnector;

    /** @param port 0 picks a free port; {@link #port()} then tells which */
    public HttpServer(String host, int port, HealthCheck healthCheck) {
        this(host, port, null, healthCheck);
    }

    /** @param https HTTPS on its own port as well, or null */
    public HttpServer(String host, int port, Https https, HealthCheck healthCheck) {
        this(host, port, https, healthCheck, List.of());
    }

    /** @param provisioning the endpoint phones fetch their configuration from, or null for none */
    public HttpServer(String host, int port, Https https, HealthCheck healthCheck, ProvisioningApi provisioning) {
        this(host, port, https, healthCheck, provisioning == null ? List.of() : List.<WebFeature>of(provisioning::register));
    }

    /** @param features the API, console and provisioning routes, registered in this order */
    public HttpServer(String host, int port, Https https, HealthCheck healthCheck, List<WebFeature> features) {
        this.host = host;
        this.port = port;
        HealthApi health = new HealthApi(healthCheck);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // the check looks the release date up against today: noise in a server log, not advice
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(jsonMapper(), false));
            // a known path asked with a wrong method is 405 with Allow, not "no such resource"
            config.http.prefer405over404 = true;
            health.register(config.routes);
            features.forEach(f -> f.register(config.routes));
            JsonErrors.register(config.routes);
            if (https != null) {
                // with a connector of its own added, Jetty gets no default one: the plain HTTP port is added too
                config.jetty.addConnector((server, httpConfig) -> {
                    ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                    plain.setHost(host);
                    plain.setPort(port);
                    httpConnector = plain;
                    return plain;
                });
                config.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, host, https));
            }
        });
    }

    /** Times as ISO-8601 text ("2026-12-02T10:15:30Z"), as the OpenAPI document says. */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private ServerConnector httpsConnector(Server server, HttpConfiguration httpConfig, String host, Https https) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(https.keyStore().toString());
        tls.setKeyStorePassword(https.keyStorePassword());
        tls.setKeyStoreType("PKCS12");
        tls.setIncludeProtocols(TlsPolicy.PROTOCOLS.toArray(String[]::new));
        tls.setIncludeCipherSuites(TlsPolicy.CIPHER_SUITES.toArray(String[]::new));
        HttpConfiguration secure = new HttpConfiguration(httpConfig);
        secure.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, tls, new HttpConnectionFactory(secure));
        connector.setHost(host);
        connector.setPort(https.port());
        httpsConnector = connector;
        return connector;
    }

    /** The HTTPS port actually bound, or 0 without HTTPS. */
    public int httpsPort() {
        return httpsConnector == null ? 0 : httpsConnector.getLocalPort();
    }

    public void start() {
        javalin.start(host, port);
    }

    public void stop() {
        javalin.stop();
    }

    /** The port actually bound, which differs from the one asked for when that was 0. */
    public int port() {
        return httpConnector != null ? httpConnector.getLocalPort() : javalin.port();
    }
}
