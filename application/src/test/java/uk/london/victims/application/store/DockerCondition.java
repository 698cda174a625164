package uk.london.victims.application.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Looks for a Docker engine quietly first: with no {@code DOCKER_HOST}, no Testcontainers setting and no
 * socket where Docker, Docker Desktop, rootless Docker, Colima, Rancher Desktop or Podman put one, there is
 * nothing to try, and asking Testcontainers would only log an ERROR with a stack trace. Where something is
 * configured, Testcontainers decides, and its complaint then is worth reading.
 */
final class DockerCondition implements ExecutionCondition {

    private static volatile Optional<String> absence;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<String> reason = absence();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        // Surefire lists a skipped class without its reason: one line here says why.
        System.out.println("[skipped] " + context.getDisplayName() + ": " + reason.get());
        return ConditionEvaluationResult.disabled(reason.get());
    }

    private static Optional<String> absence() {
        Optional<String> known = absence;
        if (known == null) {
            known = configured() ? (DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("a Docker engine is configured but does not answer (Testcontainers says why above)"))
                    : Optional.of("no Docker engine here (no DOCKER_HOST, no Docker socket); runs where Docker exists");
            absence = known;
        }
        return known;
    }

    private static boolean configured() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("os.name", "").startsWith("Windows")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (Files.exists(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman", "podman.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }
}
