package io.slotpoll.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline file parses, every job runs in a declared stage, every {@code needs} names a
 * job of the same or an earlier stage, no job is named like a global keyword (a job called
 * {@code image} would silently become the default image), scripts it calls exist, and the jobs do what the
 * release process depends on: tests with a Docker service, Terraform checks, a kaniko image
 * pushed to ECR, a plan artifact, a manual apply on the default branch, a refresh and a smoke test.
 */
class GitLabCiTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> KEYWORDS = Set.of("stages", "variables", "workflow", "default", "include", "image",
            "services", "cache", "before_script", "after_script");

    private static JsonNode pipeline;
    private static List<String> stages;
    private static Map<String, JsonNode> jobs;

    @BeforeAll
    static void parse() throws IOException {
        pipeline = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ROOT.resolve(".gitlab-ci.yml")));
        stages = new ArrayList<>();
        pipeline.path("stages").forEach(s -> stages.add(s.asText()));
        jobs = new LinkedHashMap<>();
        pipeline.properties().forEach(e -> {
            if (!KEYWORDS.contains(e.getKey()) && !e.getKey().startsWith(".")) {
                jobs.put(e.getKey(), resolve(e.getValue()));
            }
        });
    }

    /** A job with the hidden jobs it extends merged under it (one level of keys, as GitLab does). */
    private static JsonNode resolve(JsonNode job) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = new ObjectMapper().createObjectNode();
        JsonNode extended = job.path("extends");
        List<String> parents = new ArrayList<>();
        if (extended.isTextual()) {
            parents.add(extended.asText());
        }
        extended.forEach(p -> parents.add(p.asText()));
        for (String parent : parents) {
            assertThat(pipeline.has(parent)).as("extends %s, which exists", parent).isTrue();
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) resolve(pipeline.get(parent)));
        }
        merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) job);
        return merged;
    }

    @Test
    void stages_jobs_and_needs_are_consistent() {
        assertThat(stages).containsExactly("test", "image", "plan", "deploy", "verify");
        assertThat(jobs.keySet()).containsExactly("maven-verify", "terraform-checks", "browser-tests", "openapi-lint",
                "build-image",
                "terraform-plan",
                "terraform-apply", "instance-refresh", "smoke-test");
        jobs.forEach((name, job) -> {
            String stage = job.path("stage").asText();
            assertThat(stages).as("stage of %s", name).contains(stage);
            assertThat(job.path("script").isArray() && !job.path("script").isEmpty()).as("%s has a script", name).isTrue();
            for (JsonNode need : job.path("needs")) {
                String needed = need.isTextual() ? need.asText() : need.path("job").asText();
                assertThat(jobs).as("%s needs %s", name, needed).containsKey(needed);
                assertThat(stages.indexOf(jobs.get(needed).path("stage").asText()))
                        .as("%s needs %s of a later stage", name, needed).isLessThanOrEqualTo(stages.indexOf(stage));
            }
        });
        for (String script : List.of("terraform/check.sh", "terraform/scripts/instance-refresh.sh",
                "terraform/scripts/smoke-test.sh", "mvnw")) {
            assertThat(ROOT.resolve(script)).as(script).isRegularFile().isExecutable();
        }
    }

    @Test
    void the_jobs_test_build_and_deploy_as_the_release_process_needs() {
        JsonNode verify = jobs.get("maven-verify");
        assertThat(verify.path("script").toString()).contains("./mvnw -B -ntp verify");
        assertThat(verify.path("services").get(0).path("name").asText()).startsWith("docker:").endsWith("-dind");
        assertThat(verify.path("variables").path("DOCKER_HOST").asText()).isEqualTo("tcp://docker:2375");
        assertThat(verify.path("cache").path("paths").get(0).asText()).isEqualTo(".m2/repository");
        assertThat(verify.path("cache").path("key").path("files").toString()).contains("pom.xml");
        assertThat(pipeline.path("variables").path("MAVEN_OPTS").asText()).contains(".m2/repository");

        assertThat(jobs.get("terraform-checks").path("script").toString()).contains("terraform/check.sh");
        assertThat(jobs.get("openapi-lint").path("script").toString())
                .contains("redocly lint --config docs/redocly.yaml docs/openapi.yaml")
                .contains("spectral lint --ruleset docs/.spectral.yaml --fail-severity error docs/openapi.yaml");
        assertThat(jobs.get("build-image").path("needs").toString()).contains("openapi-lint").contains("browser-tests");
        JsonNode browser = jobs.get("browser-tests");
        assertThat(browser.path("before_script").toString()).contains("apt-get install -y -qq chromium");
        assertThat(browser.path("variables").path("SLOTPOLL_REQUIRE_BROWSER").asText()).isEqualTo("1");
        assertThat(browser.path("script").toString()).contains("-Dtest='*BrowserTest'");

        JsonNode image = jobs.get("build-image");
        assertThat(image.path("image").path("name").asText()).startsWith("gcr.io/kaniko-project/executor:");
        assertThat(image.path("script").toString()).contains("--destination \\\"$ECR_REPOSITORY:$IMAGE_TAG\\\"")
                .contains("ecr-login");

        JsonNode plan = jobs.get("terraform-plan");
        assertThat(plan.path("script").toString()).contains("terraform plan").contains("-out=\\\"$TF_ENV.tfplan\\\"");
        assertThat(plan.path("artifacts").path("paths").toString()).contains("terraform/prod.tfplan");

        JsonNode apply = jobs.get("terraform-apply");
        assertThat(apply.path("rules").get(0).path("when").asText()).isEqualTo("manual");
        assertThat(apply.path("rules").get(0).path("if").asText()).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
        assertThat(apply.path("script").toString()).contains("terraform apply -input=false \\\"$TF_ENV.tfplan\\\"");
        assertThat(apply.path("resource_group").asText()).isEqualTo("production");

        assertThat(jobs.get("instance-refresh").path("script").toString()).contains("instance-refresh.sh \\\"$ASG_NAME\\\"");
        assertThat(jobs.get("smoke-test").path("script").toString()).contains("smoke-test.sh \\\"$PUBLIC_URL\\\"");
        for (String deploying : List.of("build-image", "terraform-plan", "terraform-apply", "instance-refresh", "smoke-test")) {
            assertThat(jobs.get(deploying).path("rules").get(0).path("if").asText())
                    .as("%s runs on the default branch only", deploying).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
        }
        for (String aws : List.of("build-image", "terraform-plan", "terraform-apply", "instance-refresh")) {
            assertThat(jobs.get(aws).path("id_tokens").path("AWS_ID_TOKEN").path("aud").asText())
                    .as("%s gets AWS access through OIDC, no stored keys", aws).isEqualTo("sts.amazonaws.com");
        }
    }

    @Test
    void the_smoke_test_checks_health_and_one_api_round_trip() throws IOException {
        String smoke = Files.readString(ROOT.resolve("terraform/scripts/smoke-test.sh"));
        assertThat(smoke).contains("$base/health").contains("-X POST \"$base/api/v1/events\"")
                .contains("/recommendations").contains("-X DELETE");
    }
}
