package org.hotdesk.sip.message;

/** The token grammar of RFC 3261 §25.1: header names, methods, parameter names, transports. */
final class Token {
    private static final boolean[] TOKEN_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) TOKEN_CHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN_CHAR[c] = true;
        for (char c = '0'; c <= '9'; c++) TOKEN_CHAR[c] = true;
        for (char c : "-.!%*_+`'~".toCharArray()) TOKEN_CHAR[c] = true;
    }

    private Token() {
    }

    static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN_CHAR[c];
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) return false;
        }
        return true;
    }
}
