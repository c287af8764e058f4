package org.hotdesk.core.login;

/**
 * How the server treats an address that keeps failing authentication or probing unknown accounts
 * (password guessing with svcrack, extension scans with svwar): past half of {@code maxFailures} within
 * {@code windowSeconds} its requests are answered more and more slowly (0.5 s per further failure, at most
 * 5 s); at {@code maxFailures} it is ignored for {@code blockMinutes}. Everyone else keeps being served.
 */
public record SourceLimits(int maxFailures, int windowSeconds, int blockMinutes) {
    public static final SourceLimits DEFAULTS = new SourceLimits(20, 60, 15);

    public SourceLimits {
        if (maxFailures < 1 || windowSeconds < 1 || blockMinutes < 1) {
            throw new IllegalArgumentException("source limits must be positive");
        }
    }
}
