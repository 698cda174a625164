package uk.london.victims.domain.cases;

/** Every command addresses one case. */
public interface CaseCommand {

    CaseId caseId();
}
