package uk.london.victims.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.application.axon.JsonSerialization;
import uk.london.victims.application.workload.Journey;
import uk.london.victims.application.workload.LondonWorkload;
import uk.london.victims.domain.cases.*;
import uk.london.victims.domain.cases.court.*;
import uk.london.victims.domain.cases.investigation.*;
import uk.london.victims.domain.cases.prosecution.*;
import uk.london.victims.domain.cases.restorative.*;
import uk.london.victims.domain.cases.victims.*;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * Writes {@link LondonWorkload} journeys as a history-import file: one NDJSON line per step, in the API's
 * request shape ({@code case}, line {@code id}, {@code step} = the API route under {@code /api/cases/{caseId}/},
 * {@code body}, {@code occurredAt}, and {@code refs} where a body field names an earlier step's case version).
 *
 * <p>{@code ./mvnw -B -q -pl bench -am package -Phistory-file -DskipTests -Dhistory.events=1000000
 * -Dhistory.file=$PWD/history.ndjson} (see the README).
 */
public final class HistoryFile {

    /** Where each command goes in the API: its route, whose {braces} are filled from the command's fields of that name. */
    static final Map<Class<? extends CaseCommand>, String> ROUTES = Map.ofEntries(
            Map.entry(ReportCrimeCommand.class, "report"),
            Map.entry(RecordCrimeCommand.class, "crime-record"),
            Map.entry(DecideNotToInvestigateCommand.class, "no-investigation-decision"),
            Map.entry(AssignOfficerCommand.class, "officer-assignments"),
            Map.entry(FileCaseCommand.class, "filing"),
            Map.entry(IdentifySuspectCommand.class, "suspects"),
            Map.entry(ArrestSuspectCommand.class, "suspects/{suspectId}/arrests"),
            Map.entry(InterviewSuspectCommand.class, "suspects/{suspectId}/interviews"),
            Map.entry(ReleaseSuspectOnBailCommand.class, "suspects/{suspectId}/bail"),
            Map.entry(ReleaseSuspectUnderInvestigationCommand.class, "suspects/{suspectId}/releases-under-investigation"),
            Map.entry(TakeNoFurtherActionCommand.class, "suspects/{suspectId}/no-further-action"),
            Map.entry(GiveOutOfCourtDisposalCommand.class, "suspects/{suspectId}/out-of-court-disposals"),
            Map.entry(SendFileToCpsCommand.class, "suspects/{suspectId}/cps-referrals"),
            Map.entry(RecordChargingDecisionCommand.class, "suspects/{suspectId}/charging-decisions"),
            Map.entry(ListHearingCommand.class, "hearings"),
            Map.entry(RecordWitnessCareReceiptCommand.class, "witness-care-receipts"),
            Map.entry(RecordHearingOutcomeCommand.class, "hearings/{hearingId}/outcomes"),
            Map.entry(RecordVerdictCommand.class, "suspects/{suspectId}/verdicts"),
            Map.entry(RecordSentenceCommand.class, "suspects/{suspectId}/sentences"),
            Map.entry(RecordRestorativeJusticeStepCommand.class, "suspects/{suspectId}/restorative-justice-steps"),
            Map.entry(RecordVictimInformedCommand.class, "victim-contacts"),
            Map.entry(AddVictimCommand.class, "victims"),
            Map.entry(RecordNeedsAssessmentCommand.class, "victims/{victimId}/needs-assessments"),
            Map.entry(SetContactPreferencesCommand.class, "victims/{victimId}/contact-preferences"),
            Map.entry(RecordSupportReferralCommand.class, "victims/{victimId}/support-referrals"),
            Map.entry(RecordEqualityDataCommand.class, "victims/{victimId}/equality-data"),
            Map.entry(RecordVictimPersonalStatementCommand.class, "victims/{victimId}/personal-statement-steps"),
            Map.entry(RecordVictimContactSchemeCommand.class, "victims/{victimId}/victim-contact-scheme-steps"),
            Map.entry(MakeComplaintCommand.class, "victims/{victimId}/complaints"),
            Map.entry(ChangeBailConditionsCommand.class, "suspects/{suspectId}/bail-condition-changes"),
            Map.entry(RequestDecisionReviewCommand.class, "suspects/{suspectId}/review-requests"),
            Map.entry(RecordReviewDecisionCommand.class, "suspects/{suspectId}/review-decisions"));
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Versions are not known until the import runs: a step that names an earlier one gets a placeholder, then a ref. */
    private static final long REF_BASE = -1_000_000_000L;
    private static final String PLAINTEXT = "plaintext:";

    private final ObjectMapper json = JsonSerialization.objectMapper();

    /** Writes journeys until at least {@code lines} lines are written; answers the number of lines and cases. */
    public long[] write(LondonWorkload workload, long lines, Path file) throws IOException {
        long written = 0;
        long cases = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < lines) {
                Journey journey = workload.next();
                for (String line : lines(journey)) {
                    out.write(line);
                    out.write('\n');
                    written++;
                }
                cases++;
            }
        }
        return new long[] {written, cases};
    }

    /** One journey's lines, in the order its steps happen. */
    public List<String> lines(Journey journey) {
        Journey.Context context = new Journey.Context() {
            @Override
            public long versionAfter(int index) {
                return REF_BASE - index;
            }

            @Override
            public Sealed seal(PersonId person, String plaintext) {
                // Not sealed here: the import seals personal details exactly as the API does.
                return new Sealed(person, PLAINTEXT + plaintext);
            }
        };
        String caseId = journey.caseId().value();
        List<Journey.Step> steps = journey.steps();
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            CaseCommand command = steps.get(i).command().apply(context);
            String route = ROUTES.get(command.getClass());
            if (route == null) {
                throw new IllegalStateException("No API route known for " + command.getClass().getSimpleName());
            }
            ObjectNode body = json.valueToTree(command);
            body.remove("caseId");
            Matcher variables = VARIABLE.matcher(route);
            StringBuilder step = new StringBuilder();
            while (variables.find()) {
                variables.appendReplacement(step, Matcher.quoteReplacement(body.remove(variables.group(1)).asText()));
            }
            variables.appendTail(step);
            Map<String, String> refs = new LinkedHashMap<>();
            for (var fields = body.fields(); fields.hasNext(); ) {
                var field = fields.next();
                JsonNode value = field.getValue();
                if (value.isIntegralNumber() && value.asLong() <= REF_BASE && value.asLong() > REF_BASE - 1_000_000) {
                    refs.put(field.getKey(), Long.toString(REF_BASE - value.asLong() + 1));
                } else if (value.isObject() && value.path("ciphertext").asText().startsWith(PLAINTEXT)) {
                    String plaintext = value.get("ciphertext").asText().substring(PLAINTEXT.length());
                    field.setValue(plaintext.startsWith("{") ? read(plaintext) : json.getNodeFactory().textNode(plaintext));
                }
            }
            refs.keySet().forEach(body::remove);
            ObjectNode line = json.createObjectNode();
            line.put("case", caseId);
            line.put("id", Integer.toString(i + 1));
            line.put("step", step.toString());
            line.set("body", body);
            if (!refs.isEmpty()) {
                line.set("refs", json.valueToTree(refs));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code HistoryFile FILE LINES [SEED [BCU]]}: a London-shaped history of about LINES steps (one event each,
     * mostly), of all London or of one BCU (e.g. {@code CENTRAL_EAST}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HistoryFile FILE LINES [SEED [BCU]]");
            System.exit(1);
        }
        Path file = Path.of(args[0]);
        long lines = Long.parseLong(args[1].replace("_", "").replace(",", ""));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20251;
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.DAYS);
        // Reports spread over the year that ended a year before "as of", so most journeys have run their course.
        BasicCommandUnit bcu = args.length > 3 && !args[3].isBlank() ? BasicCommandUnit.valueOf(args[3].trim()) : null;
        LondonWorkload workload = new LondonWorkload(new LondonWorkload.Settings(seed, asOf.minus(731, ChronoUnit.DAYS), asOf,
                "HIST-" + seed, bcu));
        long[] written = new HistoryFile().write(workload, lines, file);
        System.out.printf("Wrote %,d lines (%,d cases, %.1f lines per case) to %s%n", written[0], written[1],
                (double) written[0] / written[1], file.toAbsolutePath());
    }
}
