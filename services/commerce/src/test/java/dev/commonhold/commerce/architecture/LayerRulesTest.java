package dev.commonhold.commerce.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md's layer rules for every feature of the commerce service (merchants, orders, settlements). */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.commerce.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.commerce.*.app..", "dev.commonhold.commerce.*.web..",
                    "dev.commonhold.commerce.*.persistence..", "dev.commonhold.commerce.*.messaging..", "dev.commonhold.commerce.register..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.commerce.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.commerce.*.web..", "dev.commonhold.commerce.*.persistence..",
                    "dev.commonhold.commerce.*.messaging..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.commerce.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.commerce.*.persistence..", "dev.commonhold.commerce.*.messaging..",
                    "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.commerce.*.persistence..",
                    "dev.commonhold.commerce.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.commerce.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule otherServicesAreNeverImported = noClasses().that().resideInAPackage("dev.commonhold.commerce..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community..", "dev.commonhold.billing..", "dev.commonhold.trust..", "dev.commonhold.fund..", "dev.commonhold.parking..", "dev.commonhold.leasing..", "dev.commonhold.gateway..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.commonhold.commerce..");
}
