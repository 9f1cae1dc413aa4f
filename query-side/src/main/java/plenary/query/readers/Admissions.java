package plenary.query.readers;

/** Whether a delegation has been admitted to a draft, as the drafts projection knows it. */
public interface Admissions {

    boolean admitted(String draftId, String delegation);
}
