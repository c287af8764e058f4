package org.hotdesk.app.cli;

import java.util.concurrent.Callable;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "otp", mixinStandardHelpOptions = true,
        description = "Generate a one-time login code for a user (replaces their previous code).")
final class OtpCommand extends AdminCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tenant"}, required = true)
    String tenant;

    @Option(names = "--extension", required = true)
    String extension;

    @Override
    public Integer call() {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            User u = w.core().users().byExtension(t.id(), extension);
            OtpCode otp = w.core().otps().generate(t.id(), u.id(), CLI);
            out().printf("%s%nvalid until %s; dial 00*%s# on the phone%n", otp.code(), otp.expiresAt(), otp.code());
        }
        return 0;
    }
}
