package dev.commonhold.community.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules of STYLE.md, as tests, for every feature of the service (registry, assembly, membership):
 * a newcomer cannot break them by accident.
 */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String SERVICE = "dev.commonhold.community..";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.community.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.community.*.app..", "dev.commonhold.community.*.web..",
                    "dev.commonhold.community.*.persistence..", "dev.commonhold.community.*.messaging..", "dev.commonhold.community.*.keycloak..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.community.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community.*.web..", "dev.commonhold.community.*.persistence..",
                    "dev.commonhold.community.*.messaging..", "dev.commonhold.community.*.keycloak..", "org.springframework.jdbc..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.community.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community.*.persistence..", "dev.commonhold.community.*.messaging..",
                    "dev.commonhold.community.*.keycloak..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.community.*.persistence..",
                    "dev.commonhold.community.*.messaging..", "dev.commonhold.community.*.keycloak..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage(SERVICE);
}
