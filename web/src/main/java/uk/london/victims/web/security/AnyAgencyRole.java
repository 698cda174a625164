package uk.london.victims.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Allows any member of agency staff: a valid token that carries at least one {@link AgencyRole}. A valid
 * token with no role we know is authenticated but not authorised (403).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole(T(uk.london.victims.web.security.AgencyRole).names())")
public @interface AnyAgencyRole {
}
