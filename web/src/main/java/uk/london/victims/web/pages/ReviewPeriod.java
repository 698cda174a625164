package uk.london.victims.web.pages;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * The review form as people fill it in: London dates, the end of the period included, "as of" meaning
 * what had been recorded by the end of that day. The queries take instants, [from, to) and asOf.
 * Nothing is submitted: a blank form means the last twelve months as of today, all of London, the Code's rights.
 * The area (a BCU or a borough) and the basis travel with the period, so every page and link keeps them.
 */
public final class ReviewPeriod {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int MAX_YEARS = 10;
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One error per field, for the GOV.UK error summary and the field's own message. */
    public record FieldError(String field, String message) {
        /** The id the summary links to: the first input of a date. */
        public String href() {
            return "#" + field + (SELECTS.contains(field) ? "" : "-day");
        }
    }

    private static final java.util.Set<String> SELECTS = java.util.Set.of("by", "bcu", "borough", "basis");

    /** What the person typed, kept so the form shows it back even when it is wrong. */
    public record DateFields(String day, String month, String year) {
    }

    final Map<String, DateFields> typed = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    LocalDate from;
    LocalDate to;
    LocalDate asOf;
    ReviewDimension by = ReviewDimension.RIGHT;
    /** Null for all of London. */
    BasicCommandUnit bcu;
    Borough borough;
    ReviewBasis basis = ReviewBasis.CODE_RIGHTS;
    private final LocalDate today;
    private final Clock clock;

    private ReviewPeriod(Clock clock) {
        this.clock = clock;
        this.today = LocalDate.now(clock.withZone(LONDON));
    }

    static ReviewPeriod parse(MultiValueMap<String, String> params, Clock clock) {
        ReviewPeriod period = new ReviewPeriod(clock);
        LocalDate defaultTo = period.today;
        LocalDate defaultFrom = period.today.minusMonths(12).withDayOfMonth(1);
        period.from = period.date(params, "from", "the start of the period", defaultFrom);
        period.to = period.date(params, "to", "the end of the period", defaultTo);
        period.asOf = period.date(params, "asOf", "the ‘as of’ date", period.today);
        String by = params.getFirst("by");
        if (by != null && !by.isBlank()) {
            try {
                period.by = ReviewDimension.valueOf(by);
            } catch (IllegalArgumentException e) {
                period.errors.add(new FieldError("by", "Select what to break the figures down by"));
            }
        }
        period.bcu = period.choice(params, "bcu", BasicCommandUnit.class, "Select a Basic Command Unit from the list");
        period.borough = period.choice(params, "borough", Borough.class, "Select a borough from the list");
        if (period.bcu != null && period.borough != null && period.borough.bcu() != period.bcu) {
            period.errors.add(new FieldError("borough", period.borough.displayName() + " is not in the "
                    + period.bcu.displayName() + " Basic Command Unit: choose one or the other"));
        }
        ReviewBasis basis = period.choice(params, "basis", ReviewBasis.class, "Select which time limits to count");
        period.basis = basis == null ? ReviewBasis.CODE_RIGHTS : basis;
        if (period.from != null && period.to != null && period.to.isBefore(period.from)) {
            period.errors.add(new FieldError("to", "The end of the period must be the same as or after the start"));
        } else if (period.from != null && period.to != null && period.to.isAfter(period.from.plusYears(MAX_YEARS))) {
            // A trend has a bar a month: a century of them would be a page nobody can read.
            period.errors.add(new FieldError("to", "The period can be at most " + MAX_YEARS + " years long"));
        }
        if (period.asOf != null && period.asOf.isAfter(period.today)) {
            period.errors.add(new FieldError("asOf", "The ‘as of’ date must be today or in the past"));
        } else if (period.asOf != null && period.from != null && period.asOf.isBefore(period.from)) {
            period.errors.add(new FieldError("asOf", "The ‘as of’ date must be the same as or after the start of the period"));
        }
        // The error summary lists mistakes in the order of the form.
        List<String> order = List.of("from", "to", "asOf", "bcu", "borough", "basis", "by");
        period.errors.sort(java.util.Comparator.comparingInt(error -> order.indexOf(error.field())));
        return period;
    }

    /** One of a select's values by its constant's name; blank for none (all of London, or the default). */
    private <E extends Enum<E>> E choice(MultiValueMap<String, String> params, String field, Class<E> type, String error) {
        String value = trimmed(params.getFirst(field));
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, error));
            return null;
        }
    }

    private LocalDate date(MultiValueMap<String, String> params, String field, String name, LocalDate otherwise) {
        String day = trimmed(params.getFirst(field + "-day"));
        String month = trimmed(params.getFirst(field + "-month"));
        String year = trimmed(params.getFirst(field + "-year"));
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            typed.put(field, fields(otherwise));
            return otherwise;
        }
        typed.put(field, new DateFields(day, month, year));
        if (day.isEmpty() || month.isEmpty() || year.isEmpty()) {
            errors.add(new FieldError(field, capitalised(name) + " must include a day, month and year"));
            return null;
        }
        try {
            int y = Integer.parseInt(year);
            if (year.length() != 4) {
                errors.add(new FieldError(field, "The year of " + name + " must have 4 numbers, for example 2026"));
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(new FieldError(field, capitalised(name) + " must be a real date, for example 27 3 2026"));
            return null;
        }
    }

    public Map<String, DateFields> typed() {
        return typed;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String by() {
        return by.name();
    }

    public String bcu() {
        return bcu == null ? "" : bcu.name();
    }

    public String borough() {
        return borough == null ? "" : borough.name();
    }

    public String basis() {
        return basis.name();
    }

    /** The query's BCU: its display name, as the ledger records it; null for all. */
    String bcuName() {
        return bcu == null ? null : bcu.displayName();
    }

    /** The query's borough: its code; null for all. */
    String boroughCode() {
        return borough == null ? null : borough.name();
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String error(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    Instant fromInstant() {
        return from.atStartOfDay(LONDON).toInstant();
    }

    Instant toInstant() {
        return to.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    /** Today means now; an earlier day means the end of it. */
    Instant asOfInstant() {
        return asOf.equals(today) ? clock.instant() : asOf.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    /** As known today: what is known at the moment of asking, not at a date chosen. */
    boolean asKnownNow() {
        return asOf.equals(today);
    }

    public String describe() {
        return describeDates() + "; " + area() + "; " + BASES.get(basis);
    }

    public String describeDates() {
        return LONG.format(from) + " to " + LONG.format(to) + ", as known at the end of " + LONG.format(asOf)
               + (asOf.equals(today) ? " (today)" : "");
    }

    /** Where the figures are from, in words. */
    public String area() {
        return borough != null ? borough.displayName() : bcu != null ? bcu.displayName() + " Basic Command Unit" : "all of London";
    }

    static final Map<ReviewBasis, String> BASES = new java.util.EnumMap<>(Map.of(
            ReviewBasis.CODE_RIGHTS, "the Code’s time limits",
            ReviewBasis.LOCAL_STANDARDS, "local service standards only",
            ReviewBasis.ALL, "the Code’s time limits and local service standards"));

    /** The period as query parameters, the form's own names, for links that keep it. */
    UriComponentsBuilder link(String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        for (Map.Entry<String, LocalDate> date : Map.of("from", from, "to", to, "asOf", asOf).entrySet()) {
            link.queryParam(date.getKey() + "-day", date.getValue().getDayOfMonth())
                .queryParam(date.getKey() + "-month", date.getValue().getMonthValue())
                .queryParam(date.getKey() + "-year", date.getValue().getYear());
        }
        if (bcu != null) {
            link.queryParam("bcu", bcu.name());
        }
        if (borough != null) {
            link.queryParam("borough", borough.name());
        }
        if (basis != ReviewBasis.CODE_RIGHTS) {
            link.queryParam("basis", basis.name());
        }
        return link;
    }

    String link(String path, boolean withBreakdown) {
        UriComponentsBuilder link = link(path);
        if (withBreakdown) {
            link.queryParam("by", by.name());
        }
        return link.build().encode().toUriString();
    }

    private static DateFields fields(LocalDate date) {
        return new DateFields(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
