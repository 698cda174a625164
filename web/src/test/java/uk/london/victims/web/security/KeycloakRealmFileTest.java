package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm file shared by the tests and docker-compose.yml keeps up with the code and the README: a role
 * added to {@link AgencyRole} needs a realm role and a user, and the README's table of users must let
 * people sign in.
 */
class KeycloakRealmFileTest {

    private static final Path REALM = Path.of("..", "keycloak", "vjt-realm.json");

    @Test
    void everyAgencyRoleIsARealmRoleWithAUserWhoHasAUnit() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        List<String> roles = StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false)
                .map(role -> role.path("name").asText()).toList();
        assertThat(roles).containsAll(Arrays.stream(AgencyRole.values()).map(Enum::name).toList());

        List<JsonNode> users = StreamSupport.stream(realm.path("users").spliterator(), false).toList();
        for (AgencyRole role : AgencyRole.values()) {
            assertThat(users).as("a user with role %s", role)
                    .anySatisfy(user -> assertThat(user.path("realmRoles").toString()).contains("\"" + role.name() + "\""));
        }
        assertThat(users).allSatisfy(user -> assertThat(user.path("attributes").path("unit").path(0).asText()).isNotBlank());
    }

    @Test
    void onlyTheApiClientsAccessTokensCarryTheApiAudience() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        assertThat(audienceOf(realm, "vjt-cli")).isEqualTo(ApiSecurityProperties.DEFAULT_AUDIENCE);
        assertThat(audienceOf(realm, "police-records")).isEqualTo(ApiSecurityProperties.DEFAULT_AUDIENCE);
        assertThat(audienceOf(realm, "staff")).as("the pages' client needs no API audience").isEmpty();
    }

    @Test
    void theReadmeGivesEachUsersPasswordAndRole() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
        String readme = Files.readString(Path.of("..", "README.md"));
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String name = user.path("username").asText();
            assertThat(user.path("credentials").path(0).path("value").asText()).isEqualTo(KeycloakServer.passwordOf(name));
            assertThat(readme).contains("| `" + name + "` | `" + KeycloakServer.passwordOf(name) + "` | `"
                                        + user.path("realmRoles").path(0).asText() + "` |");
        }
    }

    private static String audienceOf(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                for (JsonNode mapper : client.path("protocolMappers")) {
                    if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                        return mapper.path("config").path("included.custom.audience").asText();
                    }
                }
                return "";
            }
        }
        throw new AssertionError("no client " + clientId + " in " + REALM);
    }
}
