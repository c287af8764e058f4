package org.hotdesk.web.api;

/** One resource of the REST API (tenants, users, devices, ...) adding its routes. */
@FunctionalInterface
public interface ApiResource {
    void register(ApiRoutes api);
}
