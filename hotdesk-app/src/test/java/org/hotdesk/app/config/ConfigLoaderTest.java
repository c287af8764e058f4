package org.hotdesk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final Path EXAMPLE = Path.of("..", "hotdesk.example.yaml"); // tests run in hotdesk-app/

    @TempDir
    Path dir;

    Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("hotdesk.yaml"), yaml);
    }

    static HotdeskConfig load(Path file, Map<String, String> env) {
        return ConfigLoader.read(Optional.ofNullable(file), env).config();
    }

    @Test
    void withoutFileOrEnvironmentEveryKeyHasItsDefault() {
        LoadedConfig loaded = ConfigLoader.read(Optional.empty(), Map.of());

        assertThat(loaded.config()).isEqualTo(HotdeskConfig.DEFAULTS);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().http().port()).isEqualTo(8080);
        assertThat(loaded.config().database().url()).isEqualTo("jdbc:h2:file:./data/hotdesk;AUTO_SERVER=TRUE");
        assertThat(loaded.config().tenantDefaults().emergencyNumbers()).containsExactly("112", "911");
    }

    @Test
    void fileOverridesTheKeysItSetsAndKeepsTheRest() throws IOException {
        Path file = file("""
                http:
                  port: 9090
                database:
                  url: jdbc:postgresql://db.example/hotdesk
                  password: 0123
                tenantDefaults:
                  dailyLogoutTime: 19:30
                  multipleLogin: deny
                  emergencyNumbers: [000, 112]
                """);

        HotdeskConfig config = load(file, Map.of());

        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 9090));
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.example/hotdesk");
        assertThat(config.database().password()).as("text as written, not YAML's octal 83").isEqualTo("0123");
        assertThat(config.tenantDefaults().dailyLogoutTime()).isEqualTo("19:30");
        assertThat(config.tenantDefaults().multipleLogin()).isEqualTo("DENY");
        assertThat(config.tenantDefaults().emergencyNumbers()).as("000 stays 000").containsExactly("000", "112");
        assertThat(config.timers()).isEqualTo(TimersConfig.DEFAULTS);
        assertThat(config.tenantDefaults().idleLogoutMinutes()).isEqualTo(5);
    }

    @Test
    void environmentBeatsFile() throws IOException {
        Path file = file("http:\n  port: 9090\n  host: 127.0.0.1\n");

        HotdeskConfig config = load(file, Map.of("HOTDESK_HTTP_PORT", "9191"));

        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 9191));
    }

    @Test
    void everyKeyCanBeSetFromTheEnvironmentByItsUpperSnakeName() {
        HotdeskConfig config = load(null, Map.of(
                "HOTDESK_DATABASE_URL", "jdbc:h2:mem:test",
                "HOTDESK_DATABASE_MAX_POOL_SIZE", "3",
                "HOTDESK_SECURITY_PIN_HASH_COST", "4",
                "HOTDESK_TIMERS_CHECK_INTERVAL_SECONDS", "1",
                "HOTDESK_TENANT_DEFAULTS_IDLE_LOGOUT_MINUTES", "15",
                "HOTDESK_TENANT_DEFAULTS_TIME_ZONE", "Europe/Berlin"));

        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:h2:mem:test", "", "", 3));
        assertThat(config.security().pinHashCost()).isEqualTo(4);
        assertThat(config.timers().checkIntervalSeconds()).isEqualTo(1);
        assertThat(config.tenantDefaults().idleLogoutMinutes()).isEqualTo(15);
        assertThat(config.tenantDefaults().timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void environmentNamesFollowTheKeyPaths() {
        Map<String, String> names = ConfigSchema.of(HotdeskConfig.class).keys().stream()
                .collect(Collectors.toMap(ConfigKey::path, ConfigKey::envName));

        assertThat(names).containsEntry("http.port", "HOTDESK_HTTP_PORT")
                .containsEntry("database.url", "HOTDESK_DATABASE_URL")
                .containsEntry("tenantDefaults.idleLogoutMinutes", "HOTDESK_TENANT_DEFAULTS_IDLE_LOGOUT_MINUTES")
                .containsEntry("sip.digestAlgorithms", "HOTDESK_SIP_DIGEST_ALGORITHMS")
                .containsEntry("media.interDigitSeconds", "HOTDESK_MEDIA_INTER_DIGIT_SECONDS")
                .containsEntry("tls.keyStorePassword", "HOTDESK_TLS_KEY_STORE_PASSWORD")
                .containsEntry("tenantDefaults.provisioning.fetchLimit", "HOTDESK_TENANT_DEFAULTS_PROVISIONING_FETCH_LIMIT")
                .containsEntry("http.publicUrl", "HOTDESK_HTTP_PUBLIC_URL")
                .containsEntry("metrics.allowFrom", "HOTDESK_METRICS_ALLOW_FROM")
                .containsEntry("cluster.trustedEdges", "HOTDESK_CLUSTER_TRUSTED_EDGES")
                .hasSize(53);
    }

    @Test
    void provisioningDefaultsComeFromTheEnvironmentAndBadOnesAreNamed() {
        HotdeskConfig config = load(null, Map.of("HOTDESK_TENANT_DEFAULTS_PROVISIONING_FETCH_LIMIT", "50",
                "HOTDESK_TENANT_DEFAULTS_PROVISIONING_ACCESS", "digest"));
        assertThat(config.tenantDefaults().toSettings().provisioning().fetchLimit()).isEqualTo(50);
        assertThat(config.tenantDefaults().toSettings().provisioning().access())
                .isEqualTo(org.hotdesk.core.tenant.ProvisioningAccess.DIGEST);
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_TENANT_DEFAULTS_PROVISIONING_ACCESS", "open")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenantDefaults.provisioning.access");
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_HTTP_PUBLIC_URL", "pbx.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.publicUrl");
    }

    @Test
    void aClusterNodeIsNamedAndToldItsEdgeAndBadSettingsAreNamed() {
        HotdeskConfig config = load(null, Map.of("HOTDESK_CLUSTER_NODE_ID", "pbx-a", "HOTDESK_CLUSTER_EDGE",
                "sip.example.net:5070", "HOTDESK_CLUSTER_TRUSTED_EDGES", "10.0.0.5:5060,10.0.0.6"));
        assertThat(config.cluster().nodeId("ignored", 5060)).isEqualTo("pbx-a");
        assertThat(config.cluster().edgeHost()).isEqualTo("sip.example.net");
        assertThat(config.cluster().edgePort()).isEqualTo(5070);
        assertThat(config.cluster().trustedEdges()).containsExactly("10.0.0.5:5060", "10.0.0.6");
        ClusterConfig single = HotdeskConfig.DEFAULTS.cluster();
        assertThat(single.edgeHost()).as("a server alone gives phones its own address").isNull();
        assertThat(single.nodeId("PBX1.example", 5060)).isEqualTo("pbx1.example-5060");
        assertThat(load(null, Map.of("HOTDESK_CLUSTER_EDGE", "[2001:db8::5]")).cluster().edgePort()).isEqualTo(5060);

        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_CLUSTER_NODE_ID", "node a")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.nodeId").hasMessageContaining("'node a'");
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_CLUSTER_EDGE", "sip.example.net:http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.edge");
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_CLUSTER_EDGE", "sip.example.net:70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.edge");
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_CLUSTER_TRUSTED_EDGES", "edge.example.net")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.trustedEdges")
                .hasMessageContaining("'edge.example.net'");
    }

    @Test
    void metricsAreForThisMachineByDefaultAndBadSettingsAreNamed() {
        assertThat(HotdeskConfig.DEFAULTS.metrics().networks().contains("127.0.0.1")).isTrue();
        assertThat(HotdeskConfig.DEFAULTS.metrics().networks().contains("192.0.2.7")).isFalse();
        HotdeskConfig config = load(null, Map.of("HOTDESK_METRICS_ALLOW_FROM", "10.0.0.0/8, 192.0.2.0/24",
                "HOTDESK_METRICS_TOKEN", "prometheus-0123456789abcdef"));
        assertThat(config.metrics().allowFrom()).containsExactly("10.0.0.0/8", "192.0.2.0/24");
        assertThat(config.metrics().token()).isEqualTo("prometheus-0123456789abcdef");

        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_METRICS_ALLOW_FROM", "10.0.0.0/33")))
                .hasMessageContaining("metrics.allowFrom").hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_METRICS_TOKEN", "short")))
                .hasMessageContaining("metrics.token").hasMessageContaining("too short");
    }

    @Test
    void listFromEnvironmentIsCommaSeparated() {
        HotdeskConfig config = load(null, Map.of("HOTDESK_TENANT_DEFAULTS_EMERGENCY_NUMBERS", "112, 999,000"));

        assertThat(config.tenantDefaults().emergencyNumbers()).containsExactly("112", "999", "000");
    }

    @Test
    void emptyEnvironmentValueSwitchesTheDailyLogoutOff() throws IOException {
        Path file = file("tenantDefaults:\n  dailyLogoutTime: \"19:00\"\n");

        HotdeskConfig config = load(file, Map.of("HOTDESK_TENANT_DEFAULTS_DAILY_LOGOUT_TIME", ""));

        assertThat(config.tenantDefaults().dailyLogoutTime()).isNull();
        assertThat(config.tenantDefaults().toSettings().sessionPolicy().dailyLogoutTime()).isNull();
    }

    @Test
    void unknownKeyInFileIsRefusedNamingKeyAndFile() throws IOException {
        Path file = file("http:\n  prot: 8080\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + " line 2: unknown key 'http.prot' (keys in http are: host, port, publicUrl)");
    }

    @Test
    void unknownSectionIsRefused() throws IOException {
        Path file = file("htp:\n  port: 8080\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessageStartingWith(file + " line 1: unknown key 'htp' (sections are: http, sip, media, sourceLimits, database, security, tls, timers, tenantDefaults, metrics, cluster)");
    }

    @Test
    void valueWhereASectionBelongsIsRefused() throws IOException {
        Path file = file("http: 8080\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage(file + " line 1: http is a section of keys (host, port, publicUrl), not a value; was '8080'");
    }

    @Test
    void keysUnderAKeyAreRefused() throws IOException {
        Path file = file("http:\n  port:\n    number: 8080\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage("http.port: expected a whole number, was a section of keys (" + file + " line 2)");
    }

    @Test
    void outOfRangeValueIsRefusedNamingKeyValueAndLine() throws IOException {
        Path file = file("http:\n  port: 70000\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("http.port: must be between 0 and 65535, was 70000 (" + file + " line 2)");
    }

    @Test
    void wrongTypeIsRefusedNamingKeyAndValue() throws IOException {
        Path file = file("timers:\n  checkIntervalSeconds: soon\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage("timers.checkIntervalSeconds: expected a whole number, was 'soon' (" + file + " line 2)");
    }

    @Test
    void fractionIsNotAWholeNumber() throws IOException {
        Path file = file("http:\n  port: 8080.5\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessageStartingWith("http.port: expected a whole number, was '8080.5'");
    }

    @Test
    void badValueFromEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_SECURITY_PIN_HASH_COST", "3")))
                .hasMessage("security.pinHashCost: must be between 4 and 16, was 3 (environment variable HOTDESK_SECURITY_PIN_HASH_COST)");
    }

    @Test
    void tenantDefaultRefusedByTheCoreIsNamedByItsFullKey() throws IOException {
        Path file = file("tenantDefaults:\n  otpLength: 3\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage("tenantDefaults.otpLength: must be between 4 and 10 digits, was 3 (" + file + " line 2)");
    }

    @Test
    void unknownTimeZoneIsNamed() {
        assertThatThrownBy(() -> load(null, Map.of("HOTDESK_TENANT_DEFAULTS_TIME_ZONE", "Mars/Olympus")))
                .hasMessageStartingWith("tenantDefaults.timeZone: unknown time zone 'Mars/Olympus'")
                .hasMessageEndingWith("(environment variable HOTDESK_TENANT_DEFAULTS_TIME_ZONE)");
    }

    @Test
    void badDailyLogoutTimeIsNamed() throws IOException {
        Path file = file("tenantDefaults:\n  dailyLogoutTime: 7pm\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessageStartingWith("tenantDefaults.dailyLogoutTime: expected a time of day as HH:mm")
                .hasMessageContaining("was '7pm'");
    }

    @Test
    void keySetTwiceIsRefused() throws IOException {
        Path file = file("http:\n  port: 8080\n  port: 9090\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .hasMessage(file + " line 3: key 'http.port' is already set at " + file + " line 2");
    }

    @Test
    void invalidYamlNamesFileAndLine() throws IOException {
        Path file = file("http:\n  port: 8080\n host: x\n");

        assertThatThrownBy(() -> load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " line 3: not valid YAML: ");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " not found");
    }

    @Test
    void emptyFileKeepsTheDefaults() throws IOException {
        Path file = file("# nothing changed yet\n");

        assertThat(load(file, Map.of())).isEqualTo(HotdeskConfig.DEFAULTS);
    }

    @Test
    void unknownHotdeskVariablesAreWarningsNotErrors() {
        LoadedConfig loaded = ConfigLoader.read(Optional.empty(), Map.of(
                "HOTDESK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1/hotdesk_test",
                "HOTDESK_HTTP_PROT", "1",
                "HOTDESK_JAVA_OPTS", "-Xmx256m",
                "HOTDESK_LOG_LEVEL", "DEBUG",
                "PATH", "/usr/bin"));

        assertThat(loaded.config()).isEqualTo(HotdeskConfig.DEFAULTS);
        assertThat(loaded.warnings()).containsExactly(
                "environment variable HOTDESK_HTTP_PROT is not a config key; ignored");
    }

    @Test
    void exampleFileSetsEveryKeyToItsDefault() {
        assertThat(EXAMPLE).as("the sample config at the repository root").exists();

        assertThat(load(EXAMPLE, Map.of())).isEqualTo(HotdeskConfig.DEFAULTS);
        List<String> written = YamlFile.read(EXAMPLE).stream().map(RawSetting::path).toList();
        assertThat(written).as("the example documents every key")
                .containsAll(ConfigSchema.of(HotdeskConfig.class).keys().stream().map(ConfigKey::path).toList());
    }
}
