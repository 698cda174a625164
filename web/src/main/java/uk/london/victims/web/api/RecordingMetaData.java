package uk.london.victims.web.api;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/**
 * Who recorded each event: the staff id and unit from the bearer token travel from the command to its
 * events as metadata, so the timeline can say who did what and the case's units can see it.
 */
@Configuration(proxyBeanMethods = false)
class RecordingMetaData {

    static final String RECORDED_BY = CaseTimelineProjection.RECORDED_BY;
    static final String RECORDED_BY_UNIT = CaseSummaryProjection.RECORDED_BY_UNIT;
    static final String NOT_FOR_VICTIM = CaseTimelineProjection.NOT_FOR_VICTIM;

    @Bean
    CorrelationDataProvider recordedByCarrier() {
        return new SimpleCorrelationDataProvider(RECORDED_BY, RECORDED_BY_UNIT, NOT_FOR_VICTIM);
    }
}
