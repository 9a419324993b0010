package dev.commonhold.franchise.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md's layer rules for every feature of the franchise service (register, agreements, oversight). */
@AnalyzeClasses(packages = "dev.commonhold", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("dev.commonhold.franchise.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "dev.commonhold.platform.messaging..", "dev.commonhold.platform.web..",
                    "dev.commonhold.platform.security..", "dev.commonhold.franchise.*.app..", "dev.commonhold.franchise.*.web..",
                    "dev.commonhold.franchise.*.persistence..", "dev.commonhold.franchise.*.messaging..", "dev.commonhold.franchise.register..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("dev.commonhold.franchise.*.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.franchise.*.web..", "dev.commonhold.franchise.*.persistence..",
                    "dev.commonhold.franchise.*.messaging..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotUsePersistenceOrMessaging = noClasses().that().resideInAPackage("dev.commonhold.franchise.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.franchise.*.persistence..", "dev.commonhold.franchise.*.messaging..",
                    "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule adaptersAreNotWeb = noClasses().that().resideInAnyPackage("dev.commonhold.franchise.*.persistence..",
                    "dev.commonhold.franchise.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.franchise.*.web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule otherServicesAreNeverImported = noClasses().that().resideInAPackage("dev.commonhold.franchise..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.commonhold.community..", "dev.commonhold.billing..", "dev.commonhold.trust..", "dev.commonhold.fund..", "dev.commonhold.parking..", "dev.commonhold.leasing..", "dev.commonhold.commerce..", "dev.commonhold.gateway..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAPackage("dev.commonhold.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.commonhold.franchise..");
}
