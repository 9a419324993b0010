package dev.commonhold.billing.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md's layer rules for every feature of billing (invoicing, payments, channels). */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.billing.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.billing.*.app..", "dev.commonhold.billing.*.web..",
                    "dev.commonhold.billing.*.persistence..", "dev.commonhold.billing.*.messaging..", "dev.commonhold.billing.register..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.billing.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.billing.*.web..", "dev.commonhold.billing.*.persistence..",
                    "dev.commonhold.billing.*.messaging..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.billing.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.billing.*.persistence..", "dev.commonhold.billing.*.messaging..",
                    "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.billing.*.persistence..",
                    "dev.commonhold.billing.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.billing.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule otherServicesAreNeverImported = noClasses().that().resideInAPackage("dev.commonhold.billing..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community..", "dev.commonhold.gateway..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.commonhold.billing..");
}
