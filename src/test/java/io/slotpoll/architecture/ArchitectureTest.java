package io.slotpoll.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where HTTP and JSON may be known. The edge (the route table and wiring in {@code io.slotpoll},
 * {@code http}, {@code guard}, {@code web}, {@code health}, {@code idempotency}, and each
 * feature's {@code *Handler} and {@code *View}) reads requests and writes answers; everything
 * else speaks domain values, so mail and background work can call the same services. The
 * exceptions are named below, each with its reason.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.slotpoll");
    }

    /** Outside the edge, yet allowed Jackson or Javalin, each for its reason. */
    static final Set<String> EXCEPTIONS = Set.of(
            // reads the Bearer token from a request: a helper of the handlers, kept beside Access
            "io.slotpoll.auth.BearerToken",
            // parses the RDS secret, which AWS stores as JSON
            "io.slotpoll.aws.SecretCredentials",
            // writes the CSV export with Jackson's CSV module (RFC 4180 quoting), not JSON
            "io.slotpoll.export.CsvExport");

    static final DescribedPredicate<JavaClass> EDGE = new DescribedPredicate<>("the HTTP edge") {
        @Override
        public boolean test(JavaClass c) {
            String pkg = c.getPackageName();
            String top = c.getName().replaceAll("\\$.*", "");
            String simple = top.substring(top.lastIndexOf('.') + 1);
            return pkg.equals("io.slotpoll") || pkg.startsWith("io.slotpoll.http") || pkg.startsWith("io.slotpoll.guard")
                    || pkg.startsWith("io.slotpoll.web") || pkg.startsWith("io.slotpoll.health")
                    || pkg.startsWith("io.slotpoll.idempotency") || simple.endsWith("Handler") || simple.endsWith("View")
                    || EXCEPTIONS.contains(top);
        }
    };

    @Test
    void only_the_edge_knows_javalin_and_jackson() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(EDGE))
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..")
                .because("services speak domain values; turning them into JSON and HTTP answers is the edge's job");
        rule.check(main);
    }

    @Test
    void the_domain_does_not_stand_on_the_http_package() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(EDGE))
                .should().dependOnClassesThat().resideInAPackage("io.slotpoll.http..")
                .because("problems, text rules and version preconditions live in problem/ and text/, not in http/");
        rule.check(main);
    }

    @Test
    void the_problem_and_text_vocabularies_stand_alone() {
        noClasses().that().resideInAnyPackage("io.slotpoll.problem..", "io.slotpoll.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..", "org.jooq..",
                        "io.slotpoll.http..", "io.slotpoll.event..", "io.slotpoll.participant..")
                .check(main);
    }

    @Test
    void services_and_repositories_know_no_http() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..", "io.slotpoll.http..")
                .check(main);
    }
}
