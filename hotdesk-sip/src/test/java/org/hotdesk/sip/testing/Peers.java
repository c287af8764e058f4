package org.hotdesk.sip.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real SIP peers from Debian (SIPp, baresip). Tests that need one skip on a machine without it, unless
 * {@code HOTDESK_TEST_REQUIRE_PEERS=1} (set by .ci/run, which installs them), where a missing peer fails.
 */
public final class Peers {
    private Peers() {
    }

    public static Path require(String binary, String debianPackage) {
        Path path = Path.of("/usr/bin", binary);
        boolean present = Files.isExecutable(path);
        if (!present && "1".equals(System.getenv("HOTDESK_TEST_REQUIRE_PEERS"))) {
            throw new AssertionError(binary + " is missing: apt-get install " + debianPackage);
        }
        assumeTrue(present, binary + " not installed (apt-get install " + debianPackage + ")");
        return path;
    }
}
