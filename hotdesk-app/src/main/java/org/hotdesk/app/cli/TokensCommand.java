package org.hotdesk.app.cli;

import org.hotdesk.app.Wiring;
import org.hotdesk.core.access.AccessToken;
import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Admin tokens for the REST API and the console: a tenant admin's, or a new system admin token.")
final class TokensCommand extends AdminCommand {

    @Command(name = "issue", description = "Issue a tenant admin token; it is printed once and cannot be shown again.")
    int issue(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
              @Option(names = "--name", required = true, description = "who holds it, e.g. an e-mail address") String name) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            IssuedToken issued = w.core().access().issueTenantAdminToken(t.id(), name, CLI);
            out().printf("token %d for %s (tenant %s), shown only now:%n%s%n", issued.token().id(), name, t.domain(),
                    issued.secret());
        }
        return 0;
    }

    @Command(name = "list", description = "A tenant's admin tokens (names and ids, never the secrets).")
    int list(@Option(names = {"-t", "--tenant"}, required = true) String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "NAME", "CREATED");
            for (AccessToken token : w.core().access().adminTokens(t.id())) {
                table.row(token.id(), token.name(), token.createdAt());
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "revoke", description = "Revoke a tenant admin token: it stops working at once.")
    int revoke(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--id", required = true) long id) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            w.core().access().revoke(t.id(), id, CLI);
            out().printf("token %d revoked%n", id);
        }
        return 0;
    }

    @Command(name = "reset-admin", description = "Make a new system admin token (the stored one stops working); "
            + "a token set in the config (security.adminToken) keeps working.")
    int resetAdmin() {
        try (Wiring w = open()) {
            IssuedToken issued = w.core().access().resetSystemAdminToken(CLI);
            out().printf("new system admin token, shown only now:%n%s%n", issued.secret());
        }
        return 0;
    }
}
