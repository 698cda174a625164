package uk.london.victims.projections.review;

/**
 * What the review's figures can be broken down by. {@code MONTH} is the London calendar month in which each
 * obligation's clock started ({@code 2026-03}), so groups sort in time order and make a trend. {@code BASIS}
 * is what set the limit: the Code, a scheme or a local service standard.
 */
public enum ReviewDimension {
    RIGHT, RULE, AGENCY, BOROUGH, BCU, OFFENCE, PRIORITY_FLAG, RIGHTS_LEVEL, AGE_BAND, SEX, ETHNIC_GROUP, DISABILITY, EDITION,
    MONTH, BASIS
}
