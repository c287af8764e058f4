package org.hotdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.hotdesk.core.HotdeskCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dependency rule of DESIGN.md: the core is plain Java; adapters depend on it, never the reverse. */
class ArchitectureTest {
    static final JavaClasses HOTDESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // other modules' test jars (the SIP test phone) are on this module's test class path: tests, not product
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("org.hotdesk");

    @Test
    void coreUsesNoSipHttpSqlOrFrameworkTypes() {
        noClasses().that().resideInAPackage("org.hotdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.javalin..",
                        "org.eclipse.jetty..", "org.jdbi..", "java.sql..", "javax.sql..", "org.flywaydb..",
                        "com.fasterxml..", "picocli..", "org.hotdesk.store..", "org.hotdesk.web..", "org.hotdesk.app..",
                        "org.hotdesk.sip..")
                .check(HOTDESK);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.hotdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotdesk.web..", "org.hotdesk.app..", "org.hotdesk.sip..")
                .check(HOTDESK);
        noClasses().that().resideInAPackage("org.hotdesk.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotdesk.store..", "org.hotdesk.app..", "org.hotdesk.sip..")
                .check(HOTDESK);
        noClasses().that().resideInAPackage("org.hotdesk.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotdesk.store..", "org.hotdesk.web..", "org.hotdesk.app..")
                .check(HOTDESK);
    }

    /**
     * Adapters ask the core's use cases (find a desk, list the audit trail), never its stores: what may be read,
     * and through which cache, stays the core's. Only the composition root hands stores to the provision counter.
     */
    @Test
    void adaptersUseTheCoresUseCasesNotItsStores() {
        noClasses().that().resideOutsideOfPackage("org.hotdesk.core..")
                .and().doNotHaveFullyQualifiedName("org.hotdesk.app.Wiring")
                .should().callMethod(HotdeskCore.class, "ports")
                .check(HOTDESK);
    }

    /** Netty stays in the SIP network layer: the stack above it and the handlers see frames, links and peers. */
    @Test
    void nettyStaysInTheSipNetworkLayer() {
        noClasses().that().resideOutsideOfPackage("org.hotdesk.sip.network..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(HOTDESK);
    }

    /** The message model is plain data: it knows nothing of sockets, transactions or handlers. */
    @Test
    void sipMessagesKnowNothingAboveThem() {
        noClasses().that().resideInAPackage("org.hotdesk.sip.message..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotdesk.sip.network..", "org.hotdesk.sip.stack..",
                        "org.hotdesk.sip.registrar..", "org.hotdesk.sip.routing..", "org.hotdesk.core..")
                .check(HOTDESK);
    }

    /**
     * Within each module the feature packages form layers: a package never reaches, however indirectly, one that
     * reaches back to it. A newcomer can then read a module bottom-up, and a change stays inside its package's
     * dependants.
     */
    @ParameterizedTest
    @ValueSource(strings = {"core", "store", "sip", "provisioning", "web", "app"})
    void noPackageCyclesInsideAModule(String module) {
        slices().matching("org.hotdesk." + module + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true) // hotdesk-store is one package
                .check(HOTDESK);
    }
}
