package plenary.local;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries README's "How it is built" draws, kept by a test: every module's production classes, as the
 * build puts them on this module's classpath.
 */
@AnalyzeClasses(packages = "plenary", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The published language: commands, events, the value types they carry, the catalogue, who acts. */
    private static final String[] PUBLISHED = {"plenary.drafting..", "plenary.identity.."};

    /** The public types of each side: what another package of the same side truly needs. */
    private static final Set<String> SIDES_PUBLIC = Set.of(
            "plenary.command.CommandSideApplication",
            "plenary.command.database.DatabaseDown",
            "plenary.command.input.BadInput",
            "plenary.command.input.Limits",
            "plenary.command.record.LastLink",
            "plenary.command.store.ExpectedVersion",
            "plenary.query.QuerySideApplication",
            "plenary.query.drafting.DraftDocuments",
            "plenary.query.drafting.DraftDocuments$Step",
            "plenary.query.drafting.DraftDocuments$UnknownDraft",
            "plenary.query.drafting.Selector",
            "plenary.query.drafting.FoldListener",
            "plenary.query.drafting.FoldListener$Table",
            "plenary.query.drafting.ReadModelAside",
            "plenary.query.drafting.Unguarded",
            "plenary.query.export.IssuedCheckpoints",
            "plenary.query.live.LiveChannel",
            "plenary.query.live.LiveChannel$Change",
            "plenary.query.readers.Admissions",
            "plenary.query.readers.Readers");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("plenary.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule thePublishedLanguageHasNoFrameworkAndNoIo = noClasses().that().resideInAnyPackage(PUBLISHED)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "jakarta..")
            .because("shared-events is the published language: small immutable records, nothing that runs");

    @ArchTest
    static final ArchRule thePublishedLanguageKnowsNoModel = noClasses().that().resideInAnyPackage(PUBLISHED)
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "plenary.drafting..", "plenary.identity..", "java..", "com.fasterxml.jackson.annotation..")
            .because("the text model, the format and the sides depend on the published language, never the reverse");

    @ArchTest
    static final ArchRule theTextModelDependsOnThePublishedLanguageOnly = noClasses()
            .that().resideInAPackage("plenary.text..")
            .should().dependOnClassesThat().resideInAnyPackage("plenary.command..", "plenary.query..",
                    "plenary.eventformat..", "plenary.record..", "plenary.access..", "plenary.local..",
                    "org.springframework..", "org.axonframework..", "java.sql..", "java.net..", "jakarta..")
            .because("the text model, the fold and Markdown are pure: events in, documents and text out");

    @ArchTest
    static final ArchRule theEventFormatKnowsNoModel = noClasses().that().resideInAPackage("plenary.eventformat..")
            .should().dependOnClassesThat().resideInAnyPackage("plenary.text..", "plenary.command..",
                    "plenary.query..")
            .because("a stored payload is the published language's, whatever shape the model takes");

    @ArchTest
    static final ArchRule eachSidesClassesArePackagePrivate = classes()
            .that().resideInAnyPackage("plenary.command..", "plenary.query..")
            .and(DescribedPredicate.describe("are not listed as public",
                    (JavaClass c) -> !SIDES_PUBLIC.contains(c.getName())))
            .and(DescribedPredicate.describe("are not nested in a type that is not public (an interface's members "
                    + "are public whatever they say)", (JavaClass c) -> c.getEnclosingClass()
                    .map(outer -> outer.getModifiers().contains(JavaModifier.PUBLIC)).orElse(true)))
            .should().notBePublic()
            .because("the only way into a side is its messages and its HTTP and STOMP API");

    @ArchTest
    static final ArchRule controllersReachTheAggregateThroughTheCommandGatewayOnly = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().dependOnClassesThat().haveFullyQualifiedName("plenary.command.drafting.Draft")
            .orShould().dependOnClassesThat().resideInAPackage("org.axonframework.modelling..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "org.axonframework.eventsourcing.EventSourcingRepository")
            .because("a command goes through the gateway, so that the aggregate's rules and locking apply");
}
