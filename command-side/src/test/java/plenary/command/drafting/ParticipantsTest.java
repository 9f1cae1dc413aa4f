package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.participants.ParticipationChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.command.drafting.Negotiation.CHAIR;
import static plenary.command.drafting.Negotiation.DRAFT;
import static plenary.command.drafting.Negotiation.HISTORY;
import static plenary.command.drafting.Negotiation.KAZ;
import static plenary.command.drafting.Negotiation.KGZ;
import static plenary.command.drafting.Negotiation.SECRETARIAT;
import static plenary.command.drafting.Negotiation.folded;
import static plenary.command.drafting.Negotiation.history;
import static plenary.drafting.Participation.CONFIRMED;
import static plenary.drafting.Participation.PENDING;

/** The rules of issue 3 on who takes part, allowed and refused. The history is {@link Negotiation}'s. */
class ParticipantsTest {

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = Negotiation.fixture();
    }

    // ------------------------------------------------------------ participation

    @Test
    void theSecretariatMarksAnyParticipationPending() {
        ParticipationChanged changed = new ParticipationChanged(DRAFT, "t3", PENDING, SECRETARIAT);

        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, SECRETARIAT))
                .expectEvents(changed);

        assertThat(folded(history(changed)).participantByCode("kgz").orElseThrow().participation())
                .isEqualTo(PENDING);
    }

    @Test
    void aDelegationConfirmsItsOwnParticipation() {
        fixture.given(history(new ParticipationChanged(DRAFT, "t2", PENDING, SECRETARIAT)))
                .when(new ChangeParticipation(DRAFT, "kaz", CONFIRMED, KAZ))
                .expectEvents(new ParticipationChanged(DRAFT, "t2", CONFIRMED, KAZ));
    }

    @Test
    void aDelegationDoesNotSpeakForAnother() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownDelegationIsNotFound() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "TKM", CONFIRMED, SECRETARIAT))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void theParticipationIsRequired() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", null, SECRETARIAT))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theChairDoesNotChangeParticipation() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }
}
