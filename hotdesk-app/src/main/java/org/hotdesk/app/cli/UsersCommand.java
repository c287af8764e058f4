package org.hotdesk.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.forwarding.ForwardingService;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "users", mixinStandardHelpOptions = true, description = "Users: hot-desk access, PINs, enable/disable, unlock, delete.")
final class UsersCommand extends AdminCommand {

    @Command(name = "list", description = "A tenant's users, with hot-desk access and lock state.")
    int list(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "EXTENSION", "NAME", "HOTDESK", "ENABLED", "LOCKED_UNTIL");
            for (User u : w.core().users().list(t.id())) {
                table.row(u.id(), u.extension(), u.name(), u.hotDesk(), u.enabled(),
                        w.core().attempts().lockedUntil(t.id(), LockKey.user(u.id())).orElse(null));
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "add", description = "Add a user (hot-desk access on unless --no-hot-desk).")
    int add(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
            @Option(names = "--extension", required = true) String extension,
            @Option(names = "--name", required = true) String name,
            @Option(names = "--pin", required = true, description = "hot-desk PIN, 4 to 12 digits") String pin,
            @Option(names = "--no-hot-desk", description = "create without hot-desk access") boolean noHotDesk,
            @Option(names = "--sip-password", description = "password of the user's own SIP account (optional)") String sipPassword) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().create(t.id(), new NewUser(extension, name, pin, !noHotDesk, sipPassword), CLI);
            out().printf("user %d created: %s %s (hot desk %s)%n", u.id(), u.extension(), u.name(), u.hotDesk() ? "on" : "off");
        }
        return 0;
    }

    @Command(name = "set-keys", description = "Set a user's programmable keys, shown after the logout key at any desk "
            + "they log in at; no --key clears them.")
    int setKeys(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                @Option(names = "--extension", required = true) String extension,
                @Option(names = "--key", description = "TYPE:NUMBER[:LABEL], TYPE blf or speed-dial, e.g. blf:1002:Bob; "
                        + "repeat in key order") List<String> keys) {
        // parsed before the database is opened: one bad key changes nothing
        List<FunctionKey> parsed = new ArrayList<>();
        for (String k : keys == null ? List.<String>of() : keys) {
            String[] parts = k.split(":", 3);
            if (parts.length < 2) {
                throw new InvalidInputException("key", "'" + k + "' is not TYPE:NUMBER[:LABEL], e.g. blf:1002:Bob");
            }
            parsed.add(new FunctionKey(FunctionKey.Type.parse(parts[0]), parts[1], parts.length == 3 ? parts[2] : null));
        }
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().users().setKeys(t.id(), u.id(), parsed, CLI);
            out().printf("%s: %d keys%n", u.extension(), parsed.size());
        }
        return 0;
    }

    @Command(name = "keys", description = "A user's programmable keys.")
    int keys(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
             @Option(names = "--extension", required = true) String extension) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            Table table = new Table("KEY", "TYPE", "NUMBER", "LABEL");
            int position = 2; // key 1 is the desk's logout key
            for (FunctionKey k : w.core().users().keys(t.id(), u.id())) {
                table.row(position++, k.type().id(), k.value(), k.label());
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "forwarding", description = "A user's call forwarding: shown when no option is given; each option "
            + "changes that rule only (\"\" clears it), --clear removes every rule first. A target is an extension "
            + "(1002), a number outside (+4930123456) or voicemail.")
    int forwarding(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant,
                   @picocli.CommandLine.Parameters(paramLabel = "EXTENSION") String extension,
                   @Option(names = "--always", paramLabel = "TARGET", description = "every call") String always,
                   @Option(names = "--busy", paramLabel = "TARGET", description = "when the user's phones are busy")
                   String busy,
                   @Option(names = "--no-answer", paramLabel = "TARGET", description = "when nobody answers in time")
                   String noAnswer,
                   @Option(names = "--after", paramLabel = "SECONDS", description = "ring this long before "
                           + "--no-answer (5 to 120, default 20)") Integer after,
                   @Option(names = "--unreachable", paramLabel = "TARGET", description = "when the user is logged in "
                           + "nowhere and no phone of theirs is registered") String unreachable,
                   @Option(names = "--clear", description = "remove every rule (before the options given)") boolean clear) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            ForwardingService forwarding = w.core().forwarding();
            boolean change = clear || always != null || busy != null || noAnswer != null || after != null
                    || unreachable != null;
            ForwardingRequest current = clear ? ForwardingRequest.NONE : ForwardingRequest.of(forwarding.get(t.id(), u.id()));
            if (change) {
                ForwardingRequest.NoAnswerText na = current.noAnswer();
                if (noAnswer != null || after != null) {
                    String target = noAnswer != null ? noAnswer : na == null ? null : na.target();
                    // --no-answer "" clears the rule; --after alone changes the wait of the rule there is
                    na = noAnswer != null && noAnswer.isBlank() ? null : new ForwardingRequest.NoAnswerText(
                            target == null ? "" : target, after != null ? after : na == null ? null : na.afterSeconds());
                }
                ForwardingRequest changed = new ForwardingRequest(always != null ? always : current.always(),
                        busy != null ? busy : current.busy(), na,
                        unreachable != null ? unreachable : current.unreachable());
                forwarding.set(t.id(), u.id(), changed, CLI);
            }
            ForwardingRequest shown = ForwardingRequest.of(forwarding.get(t.id(), u.id()));
            Table table = new Table("RULE", "TARGET");
            table.row("always", shown.always()).row("busy", shown.busy())
                    .row("noAnswer", shown.noAnswer() == null ? null
                            : shown.noAnswer().target() + " after " + shown.noAnswer().afterSeconds() + " s")
                    .row("unreachable", shown.unreachable());
            table.print(out());
        }
        return 0;
    }

    @Command(name = "set-pin", description = "Set a user's hot-desk PIN.")
    int setPin(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--extension", required = true) String extension,
               @Option(names = "--pin", required = true) String pin) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().users().setPin(t.id(), u.id(), pin, CLI);
            out().printf("PIN of %s changed%n", u.extension());
        }
        return 0;
    }

    @Command(name = "hot-desk", description = "Grant (on) or revoke (off) hot-desk access; revoking logs the user out.")
    int hotDesk(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                @Option(names = "--extension", required = true) String extension,
                @picocli.CommandLine.Parameters(paramLabel = "on|off") OnOff value) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().users().setHotDesk(t.id(), u.id(), value == OnOff.on, CLI);
            out().printf("hot desk %s for %s%n", value, u.extension());
        }
        return 0;
    }

    @Command(name = "enable", description = "Let a disabled user log in again.")
    int enable(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--extension", required = true) String extension) {
        return setEnabled(tenant, extension, true);
    }

    @Command(name = "disable", description = "Disable a user; ends all their sessions (USER_DISABLED).")
    int disable(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                @Option(names = "--extension", required = true) String extension) {
        return setEnabled(tenant, extension, false);
    }

    @Command(name = "delete", description = "Delete a user: logs them out of every desk; they can no longer log in and"
            + " their extension is free for someone new. History still names them.")
    int delete(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--extension", required = true) String extension) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().users().delete(t.id(), u.id(), CLI);
            out().printf("%s %s deleted%n", u.extension(), u.name());
        }
        return 0;
    }

    @Command(name = "unlock", description = "Lift a lockout caused by failed PIN/OTP attempts.")
    int unlock(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
               @Option(names = "--extension", required = true) String extension) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().attempts().unlock(t.id(), LockKey.user(u.id()), CLI);
            out().printf("%s unlocked%n", u.extension());
        }
        return 0;
    }

    private int setEnabled(String tenant, String extension, boolean enabled) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            w.core().users().setEnabled(t.id(), u.id(), enabled, CLI);
            out().printf("%s %s%n", u.extension(), enabled ? "enabled" : "disabled");
        }
        return 0;
    }

    enum OnOff { on, off }
}
