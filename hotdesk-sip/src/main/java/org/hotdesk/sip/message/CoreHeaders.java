package org.hotdesk.sip.message;

/**
 * The checks the parser makes before handing a message on (RFC 3261 §8.1.1 lists the headers every request
 * has; §8.2.2, §16.3 what a server checks first). They are cheap, and once they pass every later read of
 * Via, From, To, Call-ID, CSeq, Max-Forwards and Expires is safe. What they parse stays cached.
 */
final class CoreHeaders {
    private CoreHeaders() {
    }

    /** What is wrong with the message's core headers, or null. {@code method} is null for a response. */
    static String problem(SipMessage m, String method) {
        try {
            if (m.topVia() == null) return "missing Via";
            String problem = exactlyOne(m, "From");
            if (problem == null) m.from();
            if (problem == null) problem = exactlyOne(m, "To");
            if (problem == null) m.to();
            if (problem == null) problem = exactlyOne(m, "Call-ID");
            if (problem == null && m.callId().isEmpty()) problem = "empty Call-ID";
            if (problem == null) problem = exactlyOne(m, "CSeq");
            if (problem != null) return problem;
            CSeq cseq = m.cseq();
            // §8.1.1.5: the CSeq method matches the request's (RFC 4475 §3.1.2.17, §3.1.2.18)
            if (method != null && !cseq.method().equals(method)) {
                return "CSeq method " + cseq.method() + " does not match the request method";
            }
            if (atMostOne(m, "Max-Forwards")) m.maxForwards();
            if (atMostOne(m, "Expires")) m.expires();
            return null;
        } catch (MalformedHeaderException e) {
            return e.getMessage();
        }
    }

    /** Whether a 400 can be built for this request: the headers a response copies can be read (§8.2.6.2). */
    static boolean answerable(SipRequest r) {
        try {
            return r.topVia() != null && r.from() != null && r.to() != null && r.callId() != null
                    && !r.callId().isEmpty() && r.cseq() != null;
        } catch (MalformedHeaderException e) {
            return false;
        }
    }

    private static String exactlyOne(SipMessage m, String name) {
        int n = m.lineCount(name);
        if (n == 0) return "missing " + name;
        return n > 1 ? name + " given " + n + " times" : null;
    }

    private static boolean atMostOne(SipMessage m, String name) {
        int n = m.lineCount(name);
        if (n > 1) throw new MalformedHeaderException(name, "given " + n + " times");
        return n == 1;
    }
}
