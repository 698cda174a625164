package uk.london.victims.domain.cases;

/** What an appeal is against. */
public enum AppealAgainst {
    CONVICTION,
    SENTENCE
}
