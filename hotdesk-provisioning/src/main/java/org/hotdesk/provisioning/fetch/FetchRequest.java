package org.hotdesk.provisioning.fetch;

/**
 * A phone asking for a file.
 *
 * @param token     the tenant token from the URL, or null when the phone used the URL without one (digest access)
 * @param fileName  the file name, no directories
 * @param userAgent identifies the vendor of a device recorded as generic
 * @param source    the phone's address, for the log and the audit trail
 * @param digest    the digest credentials the request carried, or null when it carried none
 */
public record FetchRequest(String token, String fileName, String userAgent, String source, DigestProof digest) {

    /** Checks a request's HTTP digest answer against the password of the account it names. */
    public interface DigestProof {
        String username();

        boolean proves(String password);
    }
}
