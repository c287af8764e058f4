package org.hotdesk.sip.routing;

import java.util.List;

/**
 * One place a call is sent: a registered contact (with the Path it registered through) or a gateway URI.
 *
 * @param deviceId the device whose account this binding belongs to, so an answer there counts as a call on it
 */
record Target(String uri, List<String> routes, String transport, Long deviceId) {
    Target {
        routes = List.copyOf(routes);
    }
}
