package uk.london.victims.projections.timeline;

/**
 * @param openPersonalDetails false for readers who must not see names and contact details (the
 *                            Commissioner sees case histories without them)
 */
public record FindCaseTimelineQuery(String caseId, boolean openPersonalDetails) {

    public FindCaseTimelineQuery(String caseId) {
        this(caseId, true);
    }
}
