package org.hotdesk.sip.auth;

/**
 * The parameters of an Authorization / Proxy-Authorization header, as the phone sent them.
 *
 * @param nc the nonce count exactly as written (8 hex digits), or null without qop
 */
public record DigestResponse(String username, String realm, String nonce, String uri, String response,
                             String algorithm, String qop, String cnonce, String nc) {
}
