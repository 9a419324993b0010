package dev.commonhold.fund.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md's layer rules for every feature of the maintenance fund (accounts, projects, interest, statements…). */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.fund.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.fund.*.app..", "dev.commonhold.fund.*.web..",
                    "dev.commonhold.fund.*.persistence..", "dev.commonhold.fund.*.messaging..", "dev.commonhold.fund.register..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.fund.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.fund.*.web..", "dev.commonhold.fund.*.persistence..",
                    "dev.commonhold.fund.*.messaging..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.fund.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.fund.*.persistence..", "dev.commonhold.fund.*.messaging..",
                    "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.fund.*.persistence..",
                    "dev.commonhold.fund.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.fund.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule otherServicesAreNeverImported = noClasses().that().resideInAPackage("dev.commonhold.fund..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community..", "dev.commonhold.billing..", "dev.commonhold.trust..", "dev.commonhold.gateway..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.commonhold.fund..");
}
