package uk.london.victims.application.code;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import uk.london.victims.domain.code.WorkingDayCalendar;

/**
 * Refreshes the calendar in force from the configured feed: once at start-up, in the background so that an
 * unreachable feed never delays start-up, then at each interval. Any failure is logged and the calendar in
 * force (the shipped one, or the last good refresh) is kept.
 */
final class CalendarRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

    private final CalendarSource source;
    private final BankHolidayFeed feed;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    CalendarRefresh(CalendarSource source, BankHolidayFeed feed, Duration interval) {
        this.source = Objects.requireNonNull(source, "source");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** @return whether the feed was read and its bank holidays are now in force */
    boolean refreshNow() {
        BankHolidays fetched;
        try {
            fetched = feed.fetch();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Bank holidays could not be refreshed from {} ({}); keeping {}", feed.uri(), e.toString(),
                    source.bankHolidays());
            return false;
        }
        BankHolidays before = source.bankHolidays();
        BankHolidays now;
        try {
            now = source.merge(fetched);
        } catch (RuntimeException e) {
            log.warn("Bank holidays from {} do not fit the shipped ones ({}); keeping {}", feed.uri(),
                    e.toString(), before);
            return false;
        }
        NavigableSet<LocalDate> shipped = source.shipped().dates();
        List<LocalDate> notShipped = now.dates().stream().filter(date -> !shipped.contains(date)).toList();
        // Within the years the feed lists, a shipped date it lacks was most likely moved or cancelled: it is kept
        // (never count a possible bank holiday as a working day), but the shipped copy wants a look.
        List<LocalDate> notInFeed = shipped.stream()
                .filter(date -> date.getYear() >= fetched.dates().first().getYear()
                                && date.getYear() <= fetched.dates().last().getYear())
                .filter(date -> !fetched.dates().contains(date))
                .toList();
        if (!notInFeed.isEmpty()) {
            log.warn("{} no longer lists the shipped bank holidays {}; they are kept. Check {}", feed.uri(),
                    notInFeed, BankHolidays.SHIPPED_RESOURCE);
        }
        WorkingDayCalendar calendar = source.current();
        if (now.equals(before)) {
            log.debug("Bank holidays refreshed from {}: unchanged", feed.uri());
        } else {
            log.info("Bank holidays refreshed from {}: {} bank holidays now, covering {} to {}; not in the shipped "
                     + "copy: {}", feed.uri(), now.dates().size(), calendar.coveredFrom(), calendar.coveredUntil(),
                    notShipped);
        }
        return true;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bank-holiday-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
