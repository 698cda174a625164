package uk.london.victims.web.api;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;

/** The OpenAPI 3 description served at /v3/api-docs; a copy is committed as docs/openapi.json. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static {
        // Typed ids travel as plain strings (see JsonSerialization.typedIds); describe them so.
        for (Class<?> id : List.of(CaseId.class, SuspectId.class, HearingId.class, PersonId.class)) {
            SpringDocUtils.getConfig().replaceWithClass(id, String.class);
        }
    }

    /** Every API operation can answer with these problems; saying so once keeps the controllers readable. */
    @Bean
    OperationCustomizer problemResponses() {
        Content problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            responses.addApiResponse("400", new ApiResponse().description("Malformed or invalid request; nothing recorded").content(problem));
            responses.addApiResponse("401", new ApiResponse().description("No valid bearer token").content(problem));
            responses.addApiResponse("403", new ApiResponse().description("The caller's role may not do this").content(problem));
            responses.addApiResponse("404", new ApiResponse().description("No such case, or not one the caller may see").content(problem));
            if (operation.getRequestBody() != null) {
                responses.addApiResponse("409", new ApiResponse().description("Changed concurrently, or If-Match is stale; nothing recorded").content(problem));
                responses.addApiResponse("413", new ApiResponse().description("Request body too large").content(problem));
                responses.addApiResponse("415", new ApiResponse().description("Not application/json").content(problem));
                responses.addApiResponse("422", new ApiResponse().description("The case's history does not allow this; nothing recorded").content(problem));
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The case version this change is based on, as from an ETag, e.g. \"3\"")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Makes a retry safe: the same key and request return the first answer")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(CaseCommands.NOT_FOR_VICTIM).required(false)
                        .description("true: a sensitive step the victim portal must never show")
                        .schema(new StringSchema()._enum(java.util.List.of("true", "false"))));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI agencyApi() {
        return new OpenAPI()
                .info(new Info().title("London victim journey tracker: agency API").version("1")
                        .description("Record each step of a victim's journey with the real time it happened, and read "
                                     + "the case back as one timeline. Every change answers 201 with the case version "
                                     + "(ETag); send it as If-Match to guard against concurrent changes, and send an "
                                     + "Idempotency-Key to make retries safe. Errors are RFC 9457 problem documents."))
                // A relative server keeps the document the same on every host and port.
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("ProblemDetail", new ObjectSchema().description("RFC 9457 problem details")
                                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema())))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
