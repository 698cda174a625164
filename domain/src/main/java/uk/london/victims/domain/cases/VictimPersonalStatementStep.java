package uk.london.victims.domain.cases;

/** The Victim Personal Statement, offered by the police and used by the court. */
public enum VictimPersonalStatementStep {
    OFFERED,
    MADE,
    UPDATED,
    DECLINED,
    READ_AT_SENTENCE
}
