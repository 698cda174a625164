package uk.london.victims.application.code;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import uk.london.victims.domain.code.WorkingDayCalendar;

/**
 * The working-day calendar the Victims' Code deadlines are counted with: the shipped England and Wales bank
 * holidays, refreshed from a feed when {@code vjt.calendar.refresh-url} is set.
 *
 * <p>The bean is a {@link CalendarSource} rather than a {@link WorkingDayCalendar}: the calendar is an
 * immutable value, so a refresh can only replace it, which a singleton bean cannot do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class WorkingDayCalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendarConfiguration.class);

    /** How long a fetch may take before the shipped calendar is kept. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);
    /** The longest Code deadline is 40 working days; warn well before the calendar runs out under it. */
    static final Period WARN_BEFORE_COVERAGE_ENDS = Period.ofYears(1);

    @Bean
    CalendarSource calendarSource(ObjectProvider<Clock> clock) {
        CalendarSource source = new CalendarSource(BankHolidays.shipped());
        WorkingDayCalendar calendar = source.current();
        log.info("Working days counted with {} (England and Wales), covering {} to {}", source.bankHolidays(),
                calendar.coveredFrom(), calendar.coveredUntil());
        LocalDate today = LocalDate.now(clock.getIfAvailable(Clock::systemUTC).withZone(WorkingDayCalendar.LONDON));
        if (today.plus(WARN_BEFORE_COVERAGE_ENDS).isAfter(calendar.coveredUntil())) {
            log.warn("The shipped bank holidays end on {}: deadlines past it cannot be computed. Update {} or set "
                     + "vjt.calendar.refresh-url", calendar.coveredUntil(), BankHolidays.SHIPPED_RESOURCE);
        }
        return source;
    }

    @Bean
    @Conditional(RefreshUrlSet.class)
    CalendarRefresh calendarRefresh(CalendarSource source, CalendarProperties properties) {
        return new CalendarRefresh(source,
                new BankHolidayFeed(properties.refreshUri().orElseThrow(), FETCH_TIMEOUT),
                properties.refreshInterval());
    }

    /** The same relaxed binding as {@link CalendarProperties}, so that an empty value means off. */
    static final class RefreshUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("vjt.calendar.refresh-url", String.class)
                    .map(url -> !url.isBlank())
                    .orElse(false);
        }
    }
}
