package org.hotdesk.web;

import io.javalin.config.RoutesConfig;

/** A part of the HTTP side (an API resource, a console page, the provisioning endpoint) adding its routes. */
@FunctionalInterface
public interface WebFeature {
    void register(RoutesConfig routes);
}
