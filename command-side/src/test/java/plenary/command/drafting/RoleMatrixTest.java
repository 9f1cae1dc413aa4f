package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.catalogue.Commands;
import plenary.drafting.draft.CreateDraft;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.draft.ReviseDraftFromText;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.procedure.BreakSilence;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.drafting.procedure.IssueCorrigendum;
import plenary.drafting.procedure.IssueRevision;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;
import plenary.drafting.procedure.StartSilenceProcedure;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.Fold;
import plenary.text.markdown.MarkdownRenderer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.command.drafting.Negotiation.AUDITOR;
import static plenary.command.drafting.Negotiation.CHAIR;
import static plenary.command.drafting.Negotiation.DRAFT;
import static plenary.command.drafting.Negotiation.HISTORY;
import static plenary.command.drafting.Negotiation.KAZ;
import static plenary.command.drafting.Negotiation.OBSERVER;
import static plenary.command.drafting.Negotiation.SECRETARIAT;
import static plenary.command.drafting.Negotiation.TJK;
import static plenary.command.drafting.Negotiation.folded;
import static plenary.command.drafting.Negotiation.history;
import static plenary.command.drafting.Negotiation.text;
import static plenary.drafting.Participation.CONFIRMED;
import static plenary.drafting.Participation.PENDING;
import static plenary.drafting.Section.OPERATIVE;

/**
 * Every command for every role. The expected matrix is written out here from DOMAIN.md's "Who does what" and
 * API.md's "who" column, not taken from {@link Permissions}. Each case gives the role a history in which the
 * command would succeed if the role were allowed (its own alternative to withdraw, its own bracket …), so an
 * allowed role must succeed and any refusal of another role can only be about the role.
 */
class RoleMatrixTest {

    /**
     * S secretariat, C chair, D delegation (admitted), A auditor, O observer. Where the documents are silent
     * (footnotes, renumbering, corrigendum, participation) the row follows issue 3: the secretariat renumbers and
     * corrects, a delegation confirms its own participation, footnotes are editorial (chair and secretariat).
     * A chair does what a delegation does at the table, except hold positions and agreements of its own, which
     * are a delegation's (API.md: agreement and breaking silence are "delegation").
     */
    private static final String MATRIX = """
            CreateDraft             S
            ImportDraft             S
            AdmitDelegation         S
            ChangeParticipation     S D
            ProposeParagraph        C D
            BracketText             C D
            ProposeAlternative      C D
            ProposeOption           C D
            ProposeDeletion         C D
            WithdrawAlternative     C D
            WithdrawBracket         C D
            SupportAlternative      D
            ObjectToAlternative     D
            AgreeParagraph          D
            WithdrawAgreement       D
            BreakSilence            D
            AcceptAlternative       S C
            ProposeBridgingText     C
            SetParagraphStatus      C
            MoveParagraph           C
            AddFootnote             S C
            RemoveFootnote          S C
            RenumberParagraphs      S
            IssueRevision           S
            StartSilenceProcedure   S
            FinaliseDraft           S
            IssueCorrigendum        S
            ReviseDraftFromText     S C
            """;

    private static final Map<Role, Actor> ACTORS = Map.of(Role.SECRETARIAT, SECRETARIAT, Role.CHAIR, CHAIR,
            Role.DELEGATION, KAZ, Role.AUDITOR, AUDITOR, Role.OBSERVER, OBSERVER);

    private static Map<String, Set<Role>> expected() {
        Map<String, Set<Role>> matrix = new LinkedHashMap<>();
        MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String cell : Arrays.copyOfRange(cells, 1, cells.length)) {
                roles.add(Arrays.stream(Role.values()).filter(r -> r.name().startsWith(cell)).findFirst()
                        .orElseThrow());
            }
            matrix.put(cells[0], roles);
        });
        return matrix;
    }

    /** A command as the given actor would give it, after a history suited to that actor. */
    private record Case(String command, Function<Actor, List<DraftEvent>> given, Function<Actor, DraftCommand> when) {
        @Override
        public String toString() {
            return command;
        }
    }

    private static Case of(Class<? extends DraftCommand> command, Function<Actor, DraftCommand> when) {
        return new Case(command.getSimpleName(), actor -> HISTORY, when);
    }

    private static Case of(Class<? extends DraftCommand> command, Function<Actor, List<DraftEvent>> given,
                           Function<Actor, DraftCommand> when) {
        return new Case(command.getSimpleName(), given, when);
    }

    private static final String TEXT = "Ref: TEST/2\n\nZero draft\n\n**A Test**\n\n1. Develop the Almaty Process\n";

    private static List<DraftEvent> finalHistory() {
        List<DraftEvent> settled = history(new AlternativeAccepted(DRAFT, "b7", "a7.3", CHAIR));
        List<DraftEvent> events = new ArrayList<>(settled);
        events.add(new DraftFinalised(DRAFT, MarkdownRenderer.contentHash(Fold.asFinal(folded(settled))), SECRETARIAT));
        return events;
    }

    static List<Case> cases() {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        return List.of(
                new Case("CreateDraft", actor -> List.of(),
                        actor -> new CreateDraft(DRAFT, "TEST/2", "A Test", "Declaration", null, null, actor)),
                new Case("ImportDraft", actor -> List.of(), actor -> new ImportDraft(DRAFT, TEXT, actor)),
                of(AdmitDelegation.class,
                        actor -> new AdmitDelegation(DRAFT, "TKM", "Turkmenistan", CONFIRMED, actor)),
                of(ChangeParticipation.class, actor -> new ChangeParticipation(DRAFT, "KAZ", PENDING, actor)),
                of(ProposeParagraph.class, actor -> new ProposeParagraph(DRAFT, OPERATIVE, null, "Meet again", actor)),
                of(BracketText.class, actor -> new BracketText(DRAFT, "p6", "Endorse", 1, List.of("Welcome"), null, actor)),
                of(ProposeAlternative.class, actor -> new ProposeAlternative(DRAFT, "b7", "and consolidate", actor)),
                of(ProposeOption.class, actor -> new ProposeOption(DRAFT, "p6", "", actor)),
                of(ProposeDeletion.class, actor -> new ProposeDeletion(DRAFT, "p6", actor)),
                of(WithdrawAlternative.class,
                        actor -> history(new AlternativeProposed(DRAFT, "b7", "a8", text("and consolidate"), actor)),
                        actor -> new WithdrawAlternative(DRAFT, "b7", "a8", actor)),
                of(WithdrawBracket.class,
                        actor -> history(new TextBracketed(DRAFT, "p6", "b8", "Endorse", 1, "a8.2", List.of(), null,
                                actor)),
                        actor -> new WithdrawBracket(DRAFT, "b8", actor)),
                of(SupportAlternative.class, actor -> new SupportAlternative(DRAFT, "b7", "a7.3", actor)),
                of(ObjectToAlternative.class, actor -> new ObjectToAlternative(DRAFT, "b7", "a7.3", actor)),
                of(AgreeParagraph.class, actor -> new AgreeParagraph(DRAFT, "p5", true, actor)),
                of(WithdrawAgreement.class, actor -> history(new ParagraphAgreed(DRAFT, "p5", true, KAZ)),
                        actor -> new WithdrawAgreement(DRAFT, "p5", actor)),
                of(BreakSilence.class,
                        actor -> history(new SilenceProcedureStarted(DRAFT, "s8", deadline, SilenceSubject.TEXT,
                                SECRETARIAT)),
                        actor -> new BreakSilence(DRAFT, "We object", actor)),
                of(AcceptAlternative.class, actor -> new AcceptAlternative(DRAFT, "b7", "a7.3", actor)),
                of(ProposeBridgingText.class,
                        actor -> new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a7.3"), "and consolidate", actor)),
                of(SetParagraphStatus.class,
                        actor -> new SetParagraphStatus(DRAFT, "p5", ParagraphStatus.SECOND_READING, actor)),
                of(MoveParagraph.class, actor -> new MoveParagraph(DRAFT, "p6", null, actor)),
                of(AddFootnote.class, actor -> new AddFootnote(DRAFT, "p6", null, "See the annex.", actor)),
                of(RemoveFootnote.class,
                        actor -> history(new FootnoteAdded(DRAFT, "1", "p6", null, text("See the annex."), CHAIR)),
                        actor -> new RemoveFootnote(DRAFT, "1", actor)),
                of(RenumberParagraphs.class, actor -> new RenumberParagraphs(DRAFT, actor)),
                of(IssueRevision.class, actor -> new IssueRevision(DRAFT, null, actor)),
                of(StartSilenceProcedure.class,
                        actor -> new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, actor)),
                of(FinaliseDraft.class, actor -> history(new AlternativeAccepted(DRAFT, "b7", "a7.3", CHAIR)),
                        actor -> new FinaliseDraft(DRAFT, actor)),
                of(IssueCorrigendum.class, actor -> finalHistory(), actor -> new IssueCorrigendum(DRAFT,
                        MarkdownRenderer.render(folded(finalHistory())).replace("2. Endorse", "2. Adopt"), actor)),
                of(ReviseDraftFromText.class, actor -> new ReviseDraftFromText(DRAFT,
                        MarkdownRenderer.render(folded(HISTORY)).replace("Endorse", "Adopt"), actor)));
    }

    static Stream<Arguments> everyCommandForEveryRole() {
        return cases().stream().flatMap(c -> Arrays.stream(Role.values()).map(role -> Arguments.of(c, role)));
    }

    private static ResultValidator<Draft> run(Case c, Actor actor) {
        FixtureConfiguration<Draft> fixture = Negotiation.fixture();
        List<DraftEvent> given = c.given().apply(actor);
        TestExecutor<Draft> executor = given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(given);
        return executor.when(c.when().apply(actor));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyCommandForEveryRole")
    void exactlyTheRolesOfTheMatrixMayGiveTheCommand(Case c, Role role) {
        ResultValidator<Draft> result = run(c, ACTORS.get(role));

        if (expected().get(c.command()).contains(role)) {
            result.expectSuccessfulHandlerExecution()
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.sequenceOf(
                            Matchers.predicate(e -> e instanceof DraftEvent))));
        } else {
            result.expectException(Refusal.Forbidden.class)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    static Stream<Case> commandsForDelegations() {
        Map<String, Set<Role>> matrix = expected();
        return cases().stream().filter(c -> matrix.get(c.command()).contains(Role.DELEGATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsForDelegations")
    void aDelegationNotAdmittedToTheDraftMayGiveNoCommand(Case c) {
        run(c, TJK).expectException(Refusal.Forbidden.class).expectNoEvents();
    }

    /** KAZ admitted as an observer instead of a party, in a history otherwise the same. */
    private static final DelegationAdmitted KAZ_OBSERVING = new DelegationAdmitted(DRAFT, "t2", "kaz",
            "the Republic of Kazakhstan", CONFIRMED, true, SECRETARIAT);

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsForDelegations")
    void aDelegationAdmittedAsAnObserverMayGiveNoCommand(Case c) {
        FixtureConfiguration<Draft> fixture = Negotiation.fixture();
        List<DraftEvent> given = c.given().apply(KAZ).stream()
                .map(e -> e == Negotiation.KAZ_ADMITTED ? KAZ_OBSERVING : e).toList();
        assertThat(given).as("the history admits KAZ").contains(KAZ_OBSERVING);

        fixture.given(given).when(c.when().apply(KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectExceptionMessage(Matchers.predicate(m -> String.valueOf(m).contains("as an observer")))
                .expectNoEvents();
    }

    @Test
    void theMatrixAndTheCasesCoverEveryCommand() {
        Set<String> commands = Commands.all().stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(commands).hasSize(28);
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(cases()).extracting(Case::command).containsExactlyInAnyOrderElementsOf(commands);
    }
}
