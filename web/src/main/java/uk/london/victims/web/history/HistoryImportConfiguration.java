package uk.london.victims.web.history;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.london.victims.application.history.ImportedHistory;

/** Carries an import line's identity from its command to its events, where it is stored with them. */
@Configuration(proxyBeanMethods = false)
class HistoryImportConfiguration {

    @Bean
    CorrelationDataProvider importedLineCarrier() {
        return new SimpleCorrelationDataProvider(ImportedHistory.LINE);
    }
}
