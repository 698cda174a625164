package uk.london.victims.application.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.EnhancedRights;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.domain.code.TimeLimit;
import uk.london.victims.domain.code.VictimsCode;

/**
 * Reads the Code's editions from JSON rule sets. A new edition is a new file (and its tests), not code:
 * every file matching the configured locations is one edition.
 */
public final class VictimsCodeLoader {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            // A rule set is data an analyst edits: a misspelt key must fail loudly, not be ignored.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private VictimsCodeLoader() {
    }

    /** @param locations Spring resource patterns, e.g. {@code classpath*:victims-code/*.json} */
    public static VictimsCode load(List<String> locations) {
        return load(locations, null);
    }

    /**
     * @param localStandards a resource with this force's own limits for LOCAL_STANDARD rules, or null for the shipped
     *                       defaults. Only a local standard may be changed this way: a Code limit is the Code's, and an
     *                       override of one, or of a rule that does not exist, is refused at start-up.
     */
    public static VictimsCode load(List<String> locations, String localStandards) {
        VictimsCode code = loadEditions(locations);
        if (localStandards == null || localStandards.isBlank()) {
            return code;
        }
        Resource resource = new PathMatchingResourcePatternResolver().getResource(localStandards);
        LocalStandardsFile overrides;
        try (InputStream in = resource.getInputStream()) {
            overrides = JSON.readerFor(LocalStandardsFile.class).readValue(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The local service standards at " + localStandards + " are invalid: " + e.getMessage(), e);
        }
        Map<String, LocalLimit> left = new HashMap<>(overrides.standards());
        List<CodeEdition> editions = new ArrayList<>();
        for (CodeEdition edition : code.editions()) {
            List<CodeRule> rules = new ArrayList<>();
            for (CodeRule rule : edition.rules()) {
                LocalLimit override = overrides.standards().get(rule.id());
                if (override == null) {
                    rules.add(rule);
                    continue;
                }
                if (rule.basis() != RuleBasis.LOCAL_STANDARD) {
                    throw new IllegalStateException("Rule " + rule.id() + " of the " + edition.id() + " edition is a " + rule.basis()
                                                    + " limit, not a local standard: " + localStandards + " cannot change it");
                }
                rules.add(rule.withLimits(override.standard(), override.enhanced(),
                        "limit set by " + overrides.force() + "'s local standards (" + localStandards + ")"));
                left.remove(rule.id());
            }
            editions.add(edition.withRules(rules));
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("The local service standards at " + localStandards + " name rules that do not exist: "
                                            + left.keySet());
        }
        return new VictimsCode(editions);
    }

    private static VictimsCode loadEditions(List<String> locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<CodeEdition> editions = new ArrayList<>();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    editions.add(read(resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Victims' Code rules at " + location, e);
            }
        }
        if (editions.isEmpty()) {
            throw new IllegalStateException("No Victims' Code rule set found at " + locations);
        }
        return new VictimsCode(editions);
    }

    private static CodeEdition read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readerFor(EditionFile.class).<EditionFile>readValue(in).toEdition();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The Victims' Code rule set " + resource.getFilename() + " is invalid: "
                                            + e.getMessage(), e);
        }
    }

    /**
     * The file's shape: an edition plus a free-text note for its readers and the date of the text it was
     * checked against (editions are updated in place on GOV.UK).
     */
    private record EditionFile(String id, String title, java.time.LocalDate inForceFrom, java.time.LocalDate inForceUntil,
                               java.time.LocalDate textDate, String note, EnhancedRights enhancedRights, List<CodeRule> rules) {
        CodeEdition toEdition() {
            return new CodeEdition(id, title, inForceFrom, inForceUntil, rules, enhancedRights);
        }
    }

    /** A force's own limits for local service standards, by rule id. */
    private record LocalStandardsFile(String force, String note, Map<String, LocalLimit> standards) {
        LocalStandardsFile {
            force = force == null ? "this force" : force;
            standards = standards == null ? Map.of() : standards;
        }
    }

    private record LocalLimit(TimeLimit standard, TimeLimit enhanced) {
        LocalLimit {
            java.util.Objects.requireNonNull(standard, "standard");
        }
    }
}
