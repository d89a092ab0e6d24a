package io.slotpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalog hygiene: every language has exactly English's keys; each message is valid ICU syntax
 * of the subset i18n.js formats (plain arguments and plural), with the same arguments as the
 * English message; every plural has "other", only its locale's keywords (or =n), and a form
 * for every category an integer from 0 to 1,000 falls in (Arabic: zero, one, two, few, many).
 */
class CatalogTest {

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "pt-BR", "ja", "zh-CN", "ar"})
    void a_catalog_has_english_keys_arguments_and_every_plural_form_of_its_language(String language) {
        assertThat(problems(language, Catalogs.catalog(language))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "pt-BR", "ja", "zh-CN", "ar"})
    void so_has_the_catalog_of_the_mails(String language) {
        assertThat(problems(language, Catalogs.mailCatalog(language), Catalogs.mailCatalog("en"))).isEmpty();
    }

    @Test
    void the_mails_speak_the_languages_of_the_pages() {
        assertThat(io.slotpoll.mail.MailText.LANGUAGES).isEqualTo(Catalogs.LANGUAGES);
        assertThat(problems("en", Catalogs.mailCatalog("en"), Catalogs.mailCatalog("en"))).isEmpty();
    }

    @Test
    void english_itself_is_well_formed() {
        assertThat(problems("en", Catalogs.catalog("en"))).isEmpty();
    }

    @Test
    void the_languages_of_the_menu_are_the_catalogs_served() {
        assertThat(WebAssets.LANGUAGES).isEqualTo(Catalogs.LANGUAGES);
    }

    @Test
    void a_broken_catalog_is_caught_for_each_way_it_can_break() {
        Map<String, String> broken = new TreeMap<>(Catalogs.catalog("ar"));
        broken.remove("app.loading");
        broken.put("app.extra", "زائد");
        broken.put("answer.notSaved", "لم يُحفظ. {problm}");
        broken.put("create.hours", "{count, plural, one {ساعة واحدة} two {ساعتان} few {# ساعات} other {# ساعة}}");
        broken.put("create.minutes", "{count, plural, one {دقيقة} lots {دقائق} other {# دقيقة}}");
        broken.put("paint.marked", "{count, plural, zero {لا} one {واحدة} two {اثنتان} few {#} many {#}}");
        broken.put("group.caption", "توفر المجموعة: {total, plural, other {# مشارك}");
        broken.put("poll.meta", "{minutes, number} دقيقة · {zone} · {status}");
        assertThat(problems("ar", broken)).containsExactly(
                "answer.notSaved: arguments [problm], English has [problem]",
                "app.extra: not in English",
                "app.loading: missing",
                "create.hours: plural count has no form for zero (0), many (11)",
                "create.minutes: plural count has a form lots that ar does not have",
                "create.minutes: plural count has no form for zero (0), two (2), few (3), many (11)",
                "group.caption: not ICU syntax: Bad plural pattern syntax: [at pattern index 30] \" other {# مشارك}\"",
                "paint.marked: not ICU syntax: Missing 'other' keyword in plural pattern in \"{count, plural, zero ...\"",
                "poll.meta: argument minutes is a number, which i18n.js does not format");
    }

    /** What is wrong with a catalog, one line per fault, sorted. */
    static List<String> problems(String language, Map<String, String> catalog) {
        return problems(language, catalog, Catalogs.catalog("en"));
    }

    static List<String> problems(String language, Map<String, String> catalog, Map<String, String> english) {
        List<String> problems = new ArrayList<>();
        for (String key : english.keySet()) {
            if (!catalog.containsKey(key)) {
                problems.add(key + ": missing");
            }
        }
        ULocale locale = Catalogs.locale(language);
        PluralRules rules = PluralRules.forLocale(locale);
        for (var entry : catalog.entrySet()) {
            String key = entry.getKey();
            if (!english.containsKey(key)) {
                problems.add(key + ": not in English");
                continue;
            }
            MessagePattern pattern;
            try {
                pattern = new MessagePattern(entry.getValue());
                new MessageFormat(entry.getValue(), locale);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": not ICU syntax: " + e.getMessage());
                continue;
            }
            Set<String> theirs = arguments(pattern);
            Set<String> ours = arguments(new MessagePattern(english.get(key)));
            if (!theirs.equals(ours)) {
                problems.add(key + ": arguments " + theirs + ", English has " + ours);
            }
            problems.addAll(plurals(key, pattern, rules, language));
        }
        problems.sort(null);
        return problems;
    }

    private static Set<String> arguments(MessagePattern pattern) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            if (pattern.getPartType(i) == MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(pattern.getPart(i)));
            }
        }
        return names;
    }

    private static List<String> plurals(String key, MessagePattern pattern, PluralRules rules, String language) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = pattern.getSubstring(pattern.getPart(i + 1));
            MessagePattern.ArgType type = part.getArgType();
            if (type == MessagePattern.ArgType.NONE) {
                continue;
            }
            if (type != MessagePattern.ArgType.PLURAL) {
                problems.add(key + ": argument " + name + " is a " + pattern.getSubstring(pattern.getPart(i + 2))
                        + ", which i18n.js does not format");
                continue;
            }
            Set<String> selectors = new TreeSet<>();
            int limit = pattern.getLimitPartIndex(i);
            for (int j = i + 2; j < limit; j++) {
                if (pattern.getPartType(j) == MessagePattern.Part.Type.ARG_SELECTOR) {
                    selectors.add(pattern.getSubstring(pattern.getPart(j)));
                    j = pattern.getLimitPartIndex(j + 1);
                }
            }
            if (!selectors.contains("other")) {
                problems.add(key + ": plural " + name + " has no other");
            }
            for (String selector : selectors) {
                if (!selector.startsWith("=") && !rules.getKeywords().contains(selector)) {
                    problems.add(key + ": plural " + name + " has a form " + selector + " that " + language + " does not have");
                }
            }
            Map<String, Integer> uncovered = new TreeMap<>();
            for (int n = 1000; n >= 0; n--) {
                String category = rules.select(n);
                if (!selectors.contains(category) && !selectors.contains("=" + n)) {
                    uncovered.put(category, n);
                }
            }
            uncovered.remove("other");
            if (!uncovered.isEmpty()) {
                List<String> missing = new ArrayList<>();
                for (String category : List.of("zero", "one", "two", "few", "many")) {
                    if (uncovered.containsKey(category)) {
                        missing.add(category + " (" + uncovered.get(category) + ")");
                    }
                }
                problems.add(key + ": plural " + name + " has no form for " + String.join(", ", missing));
            }
        }
        return problems;
    }
}
