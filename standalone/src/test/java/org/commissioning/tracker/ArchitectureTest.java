package org.commissioning.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of the CQRS split, stated so they stay true. */
@AnalyzeClasses(packages = "org.commissioning.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule publishedLanguageIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("org.commissioning.tracker.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "org.commissioning.tracker.command..", "org.commissioning.tracker.query..",
                    "org.commissioning.tracker.platform..");

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheQuerySide = noClasses()
            .that().resideInAPackage("org.commissioning.tracker.command..")
            .should().dependOnClassesThat().resideInAPackage("org.commissioning.tracker.query..");

    @ArchTest
    static final ArchRule querySideDoesNotWrite = noClasses()
            .that().resideInAPackage("org.commissioning.tracker.query..")
            .should().dependOnClassesThat().resideInAPackage("org.commissioning.tracker.command..");

    @ArchTest
    static final ArchRule theClockIsInjected = noClasses()
            .that().resideInAnyPackage("org.commissioning.tracker.command..", "org.commissioning.tracker.query..",
                    "org.commissioning.tracker.shared..")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now");
}
