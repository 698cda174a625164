package uk.london.victims.projections.portal;

/** Who may sign in to the portal for a case. */
public record FindPortalAccessQuery(String caseId) {
}
