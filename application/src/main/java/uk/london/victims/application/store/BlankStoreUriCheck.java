package uk.london.victims.application.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code MONGODB_URI} set but blank is a mistake, not a request for the embedded store: a deployment whose
 * secret failed to fill the variable would otherwise start on an empty local store (and, before ADR 0019,
 * hand out demo tokens). Checked before anything else starts.
 */
public final class BlankStoreUriCheck implements EnvironmentPostProcessor {

    static final String VARIABLE = "MONGODB_URI";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String uri = environment.getProperty(VARIABLE);
        if (uri != null && uri.isBlank()) {
            throw new BlankStoreUriException();
        }
    }

    /** Start-up refused: {@code MONGODB_URI} is present and blank. */
    public static final class BlankStoreUriException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public BlankStoreUriException() {
            super(VARIABLE + " is set but blank. Set it to your MongoDB connection string, or unset it entirely "
                  + "to use the embedded store.");
        }
    }

    /** Spring Boot's "APPLICATION FAILED TO START" text instead of a stack trace. */
    public static final class Analyzer extends AbstractFailureAnalyzer<BlankStoreUriException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, BlankStoreUriException cause) {
            return new FailureAnalysis(cause.getMessage(), "Give MONGODB_URI a connection string such as "
                    + "mongodb://db1,db2,db3/?replicaSet=rs0, or remove the variable to run on the embedded store.", cause);
        }
    }
}
