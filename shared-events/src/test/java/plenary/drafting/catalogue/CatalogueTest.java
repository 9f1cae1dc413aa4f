package plenary.drafting.catalogue;

import org.junit.jupiter.api.Test;
import plenary.drafting.PayloadRevision;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.paragraphs.ParagraphProposed;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTest {

    @Test
    void everyEventStatesItsPayloadRevisionAndIsPublishedUnderItsOwnName() {
        assertThat(Events.all()).hasSize(29).doesNotHaveDuplicates();
        assertThat(Events.all()).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(PayloadRevision.class)).as(type + " states its payload revision").isNotNull();
            assertThat(Events.type(Events.name(type).orElseThrow())).contains(type);
        });
        assertThat(Commands.all()).hasSize(28).doesNotHaveDuplicates().allMatch(Class::isRecord);
    }

    @Test
    void theNamesAreThoseTheRecordHasAlwaysStoredWhicheverPackageTheTypesLiveIn() {
        assertThat(Events.name(TextBracketed.class)).contains("plenary.drafting.TextBracketed");
        assertThat(Events.ofKind("ParagraphProposed")).contains(ParagraphProposed.class);
        assertThat(Events.name(String.class)).isEmpty();
        assertThat(Events.type("plenary.drafting.Nothing")).isEmpty();
    }

    @Test
    void theFirstShapeIsStoredWithoutARevisionAsItAlwaysWas() {
        assertThat(Events.storedRevision(ParagraphProposed.class)).isNull();
        assertThat(Events.storedRevision(TextBracketed.class)).isEqualTo("2");
        assertThat(Events.storedRevision(DraftImported.class)).isEqualTo("2");
        assertThat(Events.storedRevision(String.class)).isNull();
    }
}
