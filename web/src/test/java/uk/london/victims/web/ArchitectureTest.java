package uk.london.victims.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.Revision;

import uk.london.victims.domain.cases.CaseCommand;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of docs/architecture: dependencies point inward, names say what a type is. */
@AnalyzeClasses(packages = "uk.london.victims",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The application module's tests reach this classpath as a test-jar, which DoNotIncludeTests misses. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String DOMAIN = "uk.london.victims.domain..";
    private static final String APPLICATION = "uk.london.victims.application..";
    private static final String PROJECTIONS = "uk.london.victims.projections..";
    private static final String WEB = "uk.london.victims.web..";

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, PROJECTIONS, WEB);

    @ArchTest
    static final ArchRule domainHasNoFrameworksButAxonModelling = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "reactor..", "de.bwaldvogel..",
                    "jakarta.persistence..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomain = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(PROJECTIONS, WEB);

    @ArchTest
    static final ArchRule projectionsDependOnlyOnDomain = noClasses().that().resideInAPackage(PROJECTIONS)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, WEB);

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes().that().areAnnotatedWith(AggregateRoot.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule eventsAreRevisionedRecordsNamedEvent = classes().that().resideInAPackage(DOMAIN)
            .and().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith(Revision.class).andShould().beRecords();

    @ArchTest
    static final ArchRule revisionedTypesAreEvents = classes().that().areAnnotatedWith(Revision.class)
            // The aggregate's revision versions its snapshots (ADR 0018).
            .and().areNotAnnotatedWith(AggregateRoot.class)
            .should().haveSimpleNameEndingWith("Event");

    @ArchTest
    static final ArchRule commandsAreRecordsNamedCommand = classes().that().resideInAPackage(DOMAIN)
            .and().haveSimpleNameEndingWith("Command").and().areNotInterfaces()
            .should().beRecords().andShould().implement(CaseCommand.class);

    @ArchTest
    static final ArchRule queriesAreNamedFindQuery = classes().that().haveSimpleNameEndingWith("Query")
            .should().haveSimpleNameStartingWith("Find").andShould().beRecords();
}
