package org.hotdesk.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.hotdesk.app.Wiring;
import org.hotdesk.app.config.ConfigLoader;
import org.hotdesk.app.config.HotdeskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code hotdesk}: the server and the admin commands, all on the database the config names. */
// scope INHERIT: every subcommand, down to `sessions login`, takes --help and --version like the top one
@Command(name = "hotdesk", mixinStandardHelpOptions = true, version = "hotdesk 0.1.0", scope = ScopeType.INHERIT,
        description = "SIP hot-desking server. Run `hotdesk serve --demo` to try it.",
        subcommands = {ServeCommand.class, TenantsCommand.class, UsersCommand.class, SitesCommand.class,
                TrunksCommand.class, DevicesCommand.class,
                SessionsCommand.class, OtpCommand.class, CallsCommand.class, EmergencyCommand.class, AuditCommand.class,
                TokensCommand.class, ClusterCommand.class})
public final class HotdeskCommand {
    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "YAML config file (every key can also be set as HOTDESK_<KEY> in the environment)")
    Path config;

    private final java.util.Map<String, String> environment;

    public HotdeskCommand(java.util.Map<String, String> environment) {
        this.environment = environment;
    }

    HotdeskConfig loadConfig() {
        return ConfigLoader.load(Optional.ofNullable(config), environment);
    }

    Wiring openWiring() {
        return Wiring.open(loadConfig());
    }
}
