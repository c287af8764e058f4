package org.hotdesk.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a page of the area itself is a place to return to after signing in: no open redirect. */
class ReturnTargetTest {
    private final ReturnTarget console = new ReturnTarget("/console", "/console");

    @ParameterizedTest
    @ValueSource(strings = {"/console/tenants/3/users", "/console/tenants/3/devices?q=lobby&page=2",
            "/console/tenants"})
    void aConsolePageIsTakenAsItIs(String next) {
        assertThat(console.after(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/console", "//evil.example/console", "/\\evil.example",
            "/console/../api/v1/tenants", "/me", "/consoleevil", "/console/login", "javascript:alert(1)",
            "/console/tenants\r\nSet-Cookie:x=1", "", " /console/tenants", "/console//evil.example"})
    void anythingElseFallsBackToTheStartPage(String next) {
        assertThat(console.after(next)).isEqualTo("/console");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/tenants/3/users", "https://evil.example/me", "/me/../console", "/mean"})
    void theSelfServicePageReturnsOnlyToItsOwnPages(String next) {
        assertThat(new ReturnTarget("/me", "/me").after(next)).isEqualTo("/me");
    }
}
