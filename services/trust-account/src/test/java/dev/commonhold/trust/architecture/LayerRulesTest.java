package dev.commonhold.trust.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md's layer rules for every feature of trust accounts (books, payments, transparency, statements…). */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.trust.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.trust.*.app..", "dev.commonhold.trust.*.web..",
                    "dev.commonhold.trust.*.persistence..", "dev.commonhold.trust.*.messaging..", "dev.commonhold.trust.register..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.trust.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.trust.*.web..", "dev.commonhold.trust.*.persistence..",
                    "dev.commonhold.trust.*.messaging..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.trust.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.trust.*.persistence..", "dev.commonhold.trust.*.messaging..",
                    "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.trust.*.persistence..",
                    "dev.commonhold.trust.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.trust.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule otherServicesAreNeverImported = noClasses().that().resideInAPackage("dev.commonhold.trust..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community..", "dev.commonhold.billing..", "dev.commonhold.gateway..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.commonhold.trust..");
}
