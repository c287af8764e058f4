package org.hotdesk.app.cli;

import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Who is logged in where; admin login and logout.")
final class SessionsCommand extends AdminCommand {

    @Command(name = "list", description = "Open sessions, or the history with --history.")
    int list(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
             @Option(names = "--history", description = "ended sessions too, newest first") boolean history,
             @Option(names = "--extension", description = "only this user's sessions") String extension,
             @Option(names = "--limit", defaultValue = "100") int limit) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Long userId = extension == null ? null : w.core().users().byExtension(t.id(), extension).id();
            List<Session> sessions = history
                    ? w.core().sessions().history(t.id(), userId, null, limit)
                    : w.core().sessions().listOpen(t.id()).stream()
                            .filter(s -> userId == null || s.userId() == userId).toList();
            Table table = new Table("ID", "DEVICE", "EXTENSION", "METHOD", "STARTED", "ENDED", "REASON");
            for (Session s : sessions) {
                String device = w.core().devices().findById(s.deviceId()).map(Device::label).orElse("#" + s.deviceId());
                String ext = w.core().users().findById(s.userId()).map(User::extension).orElse("?");
                table.row(s.id(), device, ext, s.method(), s.startedAt(), s.endedAt(), s.endReason());
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "login", description = "Log a user in on a device as an admin (displaces whoever is there).")
    int login(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
              @Option(names = "--mac", required = true) String mac,
              @Option(names = "--port", defaultValue = "0") int port,
              @Option(names = "--extension", required = true) String extension) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = device(w, t, mac, port);
            User u = w.core().users().byExtension(t.id(), extension);
            LoginResult result = w.core().logins().login(d.id(), new Credentials.Assigned(u.id(), LoginMethod.ADMIN), CLI);
            if (result instanceof LoginResult.Refused refused) {
                spec.commandLine().getErr().printf("error: login refused: %s%n", refused.refusal().reasonPhrase());
                return 3;
            }
            Session s = ((LoginResult.LoggedIn) result).session();
            out().printf("session %d: %s logged in on %s%n", s.id(), u.extension(), d.label());
        }
        return 0;
    }

    @Command(name = "logout", description = "Log out whoever is on a device.")
    int logout(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--mac", required = true) String mac,
               @Option(names = "--port", defaultValue = "0") int port) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Device d = device(w, t, mac, port);
            w.core().sessions().logout(d.id(), LogoutReason.ADMIN, CLI).ifPresentOrElse(
                    s -> out().printf("session %d ended%n", s.id()),
                    () -> out().printf("nobody was logged in on %s%n", d.label()));
        }
        return 0;
    }
}
