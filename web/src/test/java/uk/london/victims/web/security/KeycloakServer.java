package uk.london.victims.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak on a free loopback port, with the realm from {@code keycloak/vjt-realm.json} (the file
 * docker-compose.yml imports too). One server per test run, shared by every test class that declares
 * {@code @ExtendWith(KeycloakServer.Shared.class)}, and stopped when the run ends.
 *
 * <p>The distribution is unpacked by Maven ({@code maven-dependency-plugin}, web/pom.xml). It is started with
 * {@code kc.sh start --optimized} after a one-off {@code kc.sh build} (kept in {@code target/} until the next
 * clean), which on these machines starts in about half the time of {@code start-dev}: that re-runs Quarkus'
 * build at every start. The in-memory database and local caches keep it to one process and one port.
 */
public final class KeycloakServer implements ExtensionContext.Store.CloseableResource {

    public static final String REALM = "vjt";
    /** The realm's test users are named after their role's user and share this password pattern. */
    private static final String PASSWORD_SUFFIX = "-local-only";
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=false", "--metrics-enabled=false");
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer shared;

    private final Process process;
    private final int port;
    private final String adminPassword;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(Process process, int port, String adminPassword, Path log) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** The run's Keycloak, started at the first call. */
    public static synchronized KeycloakServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            KeycloakServer server = shared;
            // A backstop for runs that never close JUnit's root store (an aborted IDE run): no Keycloak outlives its JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
        }
        return shared;
    }

    /** Starts the shared server before the class's Spring context asks for its issuer, and stops it after the last class. */
    public static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                   .getOrComputeIfAbsent(KeycloakServer.class, key -> shared(), KeycloakServer.class);
        }
    }

    private static KeycloakServer start() {
        Path home = Path.of(required("vjt.keycloak.home"));
        Path realm = Path.of(required("vjt.keycloak.realm"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + ": run ./mvnw -pl web generate-test-resources");
        }
        try {
            long began = System.nanoTime();
            build(home);
            long built = System.nanoTime();
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve("vjt-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = freeLoopbackPort();
            String adminPassword = UUID.randomUUID().toString();
            Path log = home.resolve("keycloak.log");
            // As docker-compose.yml runs it: browsers use http://localhost:<port>, the issuer in every token, while
            // the service may use another address (there keycloak:8180, here 127.0.0.1) for keys and codes.
            ProcessBuilder command = kc(home, "start", "--optimized", "--cache=local", "--http-enabled=true",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--hostname-backchannel-dynamic=true", "--import-realm");
            command.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            command.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            command.redirectErrorStream(true).redirectOutput(log.toFile());
            KeycloakServer server = new KeycloakServer(command.start(), port, adminPassword, log);
            server.awaitRealm();
            System.out.printf("Keycloak %s on port %d: built in %.1f s, started with realm %s in %.1f s%n",
                    home.getFileName(), port, (built - began) / 1e9, REALM, (System.nanoTime() - built) / 1e9);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quarkus' build step, once per unpacked distribution (a clean build unpacks it afresh). */
    private static void build(Path home) throws IOException {
        Path marker = home.resolve(".vjt-built");
        String options = String.join(" ", BUILD_OPTIONS);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(options)) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(BUILD_OPTIONS);
        Path log = home.resolve("keycloak-build.log");
        Process build = kc(home, args.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!build.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(marker, options);
    }

    private static ProcessBuilder kc(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        // The JDK running the tests runs Keycloak too (17 is a supported one); C1 alone starts it sooner on 2 cores.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return builder;
    }

    private void awaitRealm() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(backChannelUrl() + "/realms/" + REALM + "/.well-known/openid-configuration"))
                                           .timeout(Duration.ofSeconds(10)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + tail(log));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                // Polling a process we do not control; no test time is simulated by this wait.
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not start within " + START_LIMIT + ":\n" + tail(log));
    }

    /** Where browsers and the README's curl reach it: {@code http://localhost:8180} in docker-compose.yml. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where the service may reach it instead: {@code http://keycloak:8180} in docker-compose.yml. */
    public String backChannelUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What VJT_JWT_ISSUER_URI is set to. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The password of one of the realm's users (they are for local use and tests only). */
    public static String passwordOf(String username) {
        return username + PASSWORD_SUFFIX;
    }

    /** The README's curl: a password grant through the {@code vjt-cli} client; the whole token response. */
    public Map<String, Object> passwordGrant(String clientId, String username) {
        return form(tokenEndpoint(), Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", passwordOf(username)), 200);
    }

    /** The README's curl for an agency's system: a client credentials grant; the access token. */
    public String clientCredentialsToken(String clientId, String secret) {
        return (String) form(tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret), 200).get("access_token");
    }

    /** An access token for the agency API, for one of the realm's users. */
    public String accessToken(String username) {
        return (String) passwordGrant("vjt-cli", username).get("access_token");
    }

    /** A refresh token grant; its HTTP status and body, as it may well be refused. */
    public HttpResponse<String> refresh(String clientId, String refreshToken) {
        return post(tokenEndpoint(), formBody(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken)), "application/x-www-form-urlencoded", null);
    }

    /** Ends the Keycloak session the refresh token belongs to, as a client's sign-out does. */
    public void endSession(String clientId, String refreshToken) {
        HttpResponse<String> response = post(issuer() + "/protocol/openid-connect/logout",
                formBody(Map.of("client_id", clientId, "refresh_token", refreshToken)), "application/x-www-form-urlencoded", null);
        expect(response, 204);
    }

    /** Adds a redirect URI to a client of the realm (tests run the service on a random port). */
    public void allowRedirect(String clientId, String redirectUri) {
        Map<String, Object> client = clientNamed(clientId);
        @SuppressWarnings("unchecked")
        List<String> uris = new ArrayList<>((List<String>) client.get("redirectUris"));
        if (!uris.contains(redirectUri)) {
            uris.add(redirectUri);
            client.put("redirectUris", uris);
            expect(admin("PUT", "/clients/" + client.get("id"), client), 204);
        }
    }

    /** Creates a client of the realm through the admin REST API; a client of that id already there is kept. */
    public void createClient(Map<String, Object> client) {
        HttpResponse<String> response = admin("POST", "/clients", client);
        if (response.statusCode() != 409) {
            expect(response, 201);
        }
    }

    /**
     * Key rotation as an administrator does it: a new RSA signing key with a higher priority than the
     * realm's first, so that new tokens are signed by it while the old key still verifies tokens already out.
     */
    public void addSigningKey(String name, int priority) {
        Map<String, Object> realm = json(expect(admin("GET", "", null), 200));
        Map<String, Object> component = Map.of("name", name, "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realm.get("id"),
                "config", Map.of("priority", List.of(String.valueOf(priority)), "keySize", List.of("2048"),
                        "active", List.of("true"), "enabled", List.of("true"), "algorithm", List.of("RS256")));
        expect(admin("POST", "/components", component), 201);
    }

    /** Withdraws a signing key added by {@link #addSigningKey}: tokens it signed no longer verify at the realm. */
    public void removeSigningKey(String name) {
        String found = expect(admin("GET", "/components?type=org.keycloak.keys.KeyProvider&name="
                                          + URLEncoder.encode(name, StandardCharsets.UTF_8), null), 200);
        try {
            List<Map<String, Object>> components = JSON.readValue(found, new TypeReference<>() { });
            if (components.size() != 1) {
                throw new IllegalStateException("no single key provider " + name + " in realm " + REALM);
            }
            expect(admin("DELETE", "/components/" + components.get(0).get("id"), null), 204);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code kid} in a token's header. */
    public static String keyIdOf(String jwt) {
        return (String) claimsOf(jwt.substring(0, jwt.indexOf('.'))).get("kid");
    }

    /** A token's payload, unverified (for tests to read {@code exp} and the like). */
    public static Map<String, Object> payloadOf(String jwt) {
        return claimsOf(jwt.split("\\.")[1]);
    }

    private static Map<String, Object> claimsOf(String part) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> clientNamed(String clientId) {
        String found = expect(admin("GET", "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null), 200);
        try {
            List<Map<String, Object>> clients = JSON.readValue(found, new TypeReference<>() { });
            if (clients.size() != 1) {
                throw new IllegalStateException("no single client " + clientId + " in realm " + REALM);
            }
            return clients.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> admin(String method, String path, Object body) {
        String token = (String) form(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword), 200).get("access_token");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                       .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> form(String url, Map<String, String> fields, int status) {
        return json(expect(post(url, formBody(fields), "application/x-www-form-urlencoded", null), status));
    }

    private HttpResponse<String> post(String url, String body, String contentType, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                                            + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response.body();
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the Keycloak tests through Maven (web/pom.xml sets it)");
        }
        return value;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
