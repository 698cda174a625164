package uk.london.victims.projections.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The database a read model writes to: the service's one database, with the write concern for data the events
 * can rebuild (on the embedded store, not waited for: ADR 0054). Only the writers ask for it; queries read the
 * same collections through the plain database.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
@Documented
public @interface ReadModels {
}
