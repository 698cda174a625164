# Build: the whole reactor, tests skipped (CI runs them; the image only needs the jar).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN mvn -B -q -DskipTests package \
 && set -- $(ls web/target/web-*.jar | grep -v -e '-plain\.jar$' -e '-tests\.jar$' -e '-sources\.jar$') \
 && if [ "$#" -ne 1 ]; then echo "expected exactly one Spring Boot jar in web/target, found: $*" >&2; exit 1; fi \
 && cp "$1" /build/app.jar

# Run: JRE only, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app/data \
 && chown -R app:app /app
WORKDIR /app
COPY --from=build --chown=app:app /build/app.jar /app/app.jar
USER app
# The embedded store (used only when MONGODB_URI is unset) keeps its data here; Axon's update checker stays off.
# No demo tokens in the image (ADR 0019): a container is reachable by others, and anyone reaching a demo
# can have an ADMIN token. Without an identity provider the image therefore does not start; for a local
# demo in a container, set VJT_DEMO=true and SERVER_ADDRESS=0.0.0.0 knowingly.
ENV VJT_DATA_DIR=/app/data \
    VJT_DEMO=false \
    AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
