package org.hotdesk.provisioning.profile;

/**
 * One SIP line (account) of the phone: line 1 of a desk phone, or the line of one analog port.
 *
 * @param index       1-based account / port number
 * @param account     the device account to register with; null while a person is logged in with the phone's own
 *                    hot-desk key: the phone then holds their registration and the renderer must leave the account's
 *                    parameters out, or the next fetch would log them off
 * @param label       the text next to the line key (or the idle-screen text on phones that show one per line)
 * @param displayName the caller name the phone shows and sends
 */
public record PhoneLine(int index, Account account, String label, String displayName) {

    /** A SIP user name and password (the user name is also the authentication name). */
    public record Account(String username, String password) {
    }
}
