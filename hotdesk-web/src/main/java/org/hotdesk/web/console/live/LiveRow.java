package org.hotdesk.web.console.live;

/**
 * One open session as the live view lists it, already in words.
 *
 * @param place    the desk's location description, or empty
 * @param since    login time in the tenant's zone, e.g. "08:46"
 * @param duration how long ago, e.g. "2 h 14 min"
 * @param ends     the next automatic logout, e.g. "idle logout 10:45"; or why there is none
 */
public record LiveRow(long sessionId, String person, String extension, String desk, String place, String since,
                      String duration, String method, String ends, boolean onCall) {

    /** The live view's search: person, extension or desk contains the text, in any case. */
    public boolean matches(String search) {
        String s = search.toLowerCase(java.util.Locale.ROOT);
        return person.toLowerCase(java.util.Locale.ROOT).contains(s) || extension.contains(s)
                || desk.toLowerCase(java.util.Locale.ROOT).contains(s);
    }
}
