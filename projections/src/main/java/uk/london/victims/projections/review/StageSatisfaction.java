package uk.london.victims.projections.review;

/**
 * How victims rated their treatment at one stage of the journey, 1 (very poorly) to 5 (very well). Each
 * victim's latest rating of a stage in a case counts once.
 *
 * @param stage                 a {@code ServiceStage} name
 * @param ratings               how many victims rated the stage; null when withheld
 * @param shareRatedFourOrFive  of those, the share who rated it 4 or 5; null when withheld or nobody rated it
 * @param withheld              fewer ratings than the suppression threshold (but more than none): both figures
 *                              are withheld, since a share of one or two ratings tells what a victim said
 */
public record StageSatisfaction(String stage, Long ratings, Double shareRatedFourOrFive, boolean withheld) {
}
