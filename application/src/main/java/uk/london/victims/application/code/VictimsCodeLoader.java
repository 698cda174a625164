package uk.london.victims.application.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.london.victims.domain.code.CodeEdition;
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

    /** The file's shape: an edition plus a free-text note for its readers. */
    private record EditionFile(String id, String title, java.time.LocalDate inForceFrom, java.time.LocalDate inForceUntil,
                               String note, List<uk.london.victims.domain.code.CodeRule> rules) {
        CodeEdition toEdition() {
            return new CodeEdition(id, title, inForceFrom, inForceUntil, rules);
        }
    }
}
