package uk.london.victims.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * Turns a case's timeline into the steps a victim reads: plain English from {@code portal/steps.properties},
 * only their own part of the case (never another victim's), never a step an agency marked not for the
 * victim, and never a suspect's details (the texts name no one).
 */
@Component
public class VictimSteps {

    /** Fields whose value picks a more specific text, e.g. ChargingDecisionMade.CHARGE. */
    private static final List<String> DISCRIMINATORS = List.of("decision", "step", "verdict", "outcome");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final Map<String, String> AGENCIES = Map.of("POLICE", "Police", "CPS", "Crown Prosecution Service",
            "COURT", "Court", "WITNESS_CARE", "Witness Care Unit", "PROBATION", "Probation Service",
            "RESTORATIVE_JUSTICE", "Restore:London", "VICTIM", "You");

    /** One step as the victim reads it. */
    public record Step(long sequence, String title, String text, String agency, String when, Instant occurredAt,
                       String contact) {
    }

    /** The start of the id of the message that carries a Victim Personal Statement's text (see TrackController). */
    static final String STATEMENT_MESSAGE = "vps-";

    private final Properties texts = new Properties();

    public VictimSteps() {
        try (InputStream in = VictimSteps.class.getResourceAsStream("/portal/steps.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Step> describe(TimelineEntryView entry, String victimId) {
        return describe(entry, victimId, null);
    }

    /**
     * @param statementGoes where a Victim Personal Statement goes in this case, which picks the text that tells the
     *                      victim who receives theirs (".text.PROSECUTED" and so on); null for the general text
     */
    Optional<Step> describe(TimelineEntryView entry, String victimId, CaseStanding.StatementGoes statementGoes) {
        if (entry.notForVictim() || "-".equals(texts.getProperty(entry.type()))) {
            return Optional.empty();
        }
        // The portal sends a statement's text to the police as a message too; to the victim it is one step.
        if ("MessageFromVictim".equals(entry.type()) && String.valueOf(entry.details().get("messageId")).startsWith(STATEMENT_MESSAGE)) {
            return Optional.empty();
        }
        Object about = entry.details().get("victimId");
        if (about != null && !about.toString().equals(victimId)) {
            return Optional.empty();
        }
        String key = entry.type();
        for (String field : DISCRIMINATORS) {
            Object value = entry.details().get(field);
            if (value != null && texts.containsKey(entry.type() + "." + value + ".title")) {
                key = entry.type() + "." + value;
                break;
            }
        }
        String title = texts.getProperty(key + ".title", "A step in your case was recorded");
        String general = texts.getProperty(key + ".text", "Sign in again later, or contact the officer in your case, to find out more.");
        Map<String, Object> details = new HashMap<>(entry.details());
        if ("SentenceRecorded".equals(entry.type())) {
            details.put("sentenceInWords", CaseStanding.sentenceInWords(String.valueOf(details.get("sentence")),
                    details.get("lengthMonths") instanceof Number n ? n.intValue() : null));
        }
        String text = fill(statementGoes == null ? general : texts.getProperty(key + ".text." + statementGoes, general), details);
        // What the victim did themselves, in the portal or as their own step, is labelled as theirs.
        String agency = "victim-portal".equals(entry.recordedBy()) ? "VICTIM" : entry.agency();
        return Optional.of(new Step(entry.sequence(), title, text, AGENCIES.getOrDefault(agency, "Criminal justice service"),
                entry.occurredAt() == null ? "" : when(entry.occurredAt()), entry.occurredAt(),
                texts.getProperty("contact." + entry.agency(), "")));
    }

    /** The confirmation shown after an action: who now has what the victim sent. */
    String confirmation(String action, CaseStanding.StatementGoes statementGoes) {
        String general = texts.getProperty("done." + action, texts.getProperty("done.default"));
        return "statement".equals(action) ? texts.getProperty("done.statement." + statementGoes, general) : general;
    }

    public static String when(Instant instant) {
        return ZonedDateTime.ofInstant(instant, WorkingDayCalendar.LONDON).format(WHEN).replace("AM", "am").replace("PM", "pm");
    }

    public static String day(Instant instant) {
        return ZonedDateTime.ofInstant(instant, WorkingDayCalendar.LONDON).format(DAY);
    }

    private static String fill(String text, Map<String, Object> details) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = details.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "a time to be confirmed" : readable(value)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String readable(Object value) {
        try {
            return when(Instant.parse(value.toString()));
        } catch (DateTimeParseException notATime) {
            return value.toString();
        }
    }
}
