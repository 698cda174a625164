package uk.london.victims.projections.review;

/** What the review's figures can be broken down by. */
public enum ReviewDimension {
    RIGHT, RULE, AGENCY, BOROUGH, BCU, OFFENCE, PRIORITY_FLAG, RIGHTS_LEVEL, AGE_BAND, SEX, ETHNIC_GROUP, DISABILITY, EDITION
}
