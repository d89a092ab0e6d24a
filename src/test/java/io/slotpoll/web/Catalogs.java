package io.slotpoll.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The pages' message catalogs as the tests read them: one JSON file per language under
 * web/app/i18n, formatted here with ICU4J (the same ICU message syntax and CLDR data the
 * browser's Intl uses), and the names of days and times the pages write in each locale.
 */
final class Catalogs {

    /** The languages the pages speak, as app.js's menu lists them. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt-BR", "ja", "zh-CN", "ar");

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private Catalogs() {
    }

    static Map<String, String> catalog(String language) {
        try (InputStream in = Catalogs.class.getResourceAsStream("/web/app/i18n/" + language + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no catalog for " + language);
            }
            return new TreeMap<>(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mails' catalog of a language (mail/i18n/{lang}.properties in UTF-8, MailText's). */
    static Map<String, String> mailCatalog(String language) {
        try (InputStream in = Catalogs.class.getResourceAsStream("/mail/i18n/" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("no mail catalog for " + language);
            }
            Properties messages = new Properties();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> catalog = new TreeMap<>();
            messages.stringPropertyNames().forEach(key -> catalog.put(key, messages.getProperty(key)));
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The locale Intl is given for a language (i18n.js locale()): British English, Arabic with Latin digits. */
    static ULocale locale(String language) {
        return ULocale.forLanguageTag(switch (language) {
            case "en" -> "en-GB";
            case "ar" -> "ar-u-nu-latn";
            default -> language;
        });
    }

    /** Message {@code key} of a language with its arguments, as the page's t() writes it. */
    static String message(String language, String key, Map<String, Object> args) {
        String pattern = catalog(language).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + language);
        }
        return new MessageFormat(pattern, locale(language)).format(args);
    }

    static String message(String language, String key) {
        return message(language, key, Map.of());
    }

    /** "Montag, 29. März": a local date as the pages name a day (weekday, day, month; Intl's skeleton EEEEdMMMM). */
    static String dayName(String language, LocalDate date) {
        return format(language, "EEEEdMMMM", date.atTime(12, 0).atZone(ZoneId.of("UTC")).toInstant());
    }

    /** "März 2027": the month the create page's calendar shows (Intl's skeleton yMMMM). */
    static String monthName(String language, LocalDate first) {
        return format(language, "yMMMM", first.atTime(12, 0).atZone(ZoneId.of("UTC")).toInstant());
    }

    /** "9:00", "2:30 م": a local time as the pages write it (English keeps the API's HH:MM). */
    static String clock(String language, LocalTime time) {
        if (language.equals("en")) {
            return time.toString();
        }
        // Intl's {hour: 'numeric', minute: '2-digit'}: the locale's clock (skeleton jmm), hours not padded
        String pattern = DateTimePatternGenerator.getInstance(locale(language)).getBestPattern("jmm")
                .replace("HH", "H").replace("hh", "h").replace("kk", "k").replace("KK", "K");
        SimpleDateFormat format = new SimpleDateFormat(pattern, locale(language));
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(time.atDate(LocalDate.of(1970, 1, 1)).atZone(ZoneId.of("UTC")).toInstant()));
    }

    /** How the pages write a range of one day: "Montag, 29. März, 10:00 bis 11:00". */
    static String range(String language, Instant start, Instant end, String zone) {
        var s = start.atZone(ZoneId.of(zone));
        var e = end.atZone(ZoneId.of(zone));
        Map<String, Object> args = Map.of("day", dayName(language, s.toLocalDate()),
                "start", clock(language, s.toLocalTime()), "end", clock(language, e.toLocalTime()),
                "endDay", dayName(language, e.toLocalDate()));
        return message(language, s.toLocalDate().equals(e.toLocalDate()) ? "time.range" : "time.rangeToDay", args);
    }

    private static String format(String language, String skeleton, Instant instant) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, locale(language));
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(instant));
    }

    /** The literal text of a message: its pieces between arguments, plural forms read for their text, '' as a quote. */
    static List<String> literals(String pattern) {
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = closing(pattern, i);
                String body = pattern.substring(i + 1, end);
                int comma = body.indexOf(',');
                if (comma >= 0) {
                    String forms = body.substring(body.indexOf(',', comma + 1) + 1);
                    for (int f = forms.indexOf('{'); f >= 0; f = forms.indexOf('{', closing(forms, f) + 1)) {
                        out.addAll(literals(forms.substring(f + 1, closing(forms, f)).replace("#", " ")));
                    }
                }
                out.add(piece.toString());
                piece.setLength(0);
                i = end + 1;
            } else if (c == '\'' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                piece.append('\'');
                i += 2;
            } else {
                piece.append(c);
                i++;
            }
        }
        out.add(piece.toString());
        return out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in " + text);
    }

    /**
     * The English words a page in {@code language} must not show: every word of four letters or
     * more in an English message that no message of that language uses.
     */
    static Set<String> englishOnlyWords(String language) {
        Set<String> theirs = words(catalog(language).values());
        Set<String> english = words(catalog("en").values());
        english.removeAll(theirs);
        return english;
    }

    static Set<String> words(Iterable<String> messages) {
        Set<String> words = new TreeSet<>();
        for (String message : messages) {
            for (String literal : literals(message)) {
                WORD.matcher(literal).results().map(m -> m.group().toLowerCase(Locale.ROOT)).forEach(words::add);
            }
        }
        return words;
    }

    /** The words of {@code text} (four letters or more, lower case). */
    static Set<String> wordsOf(String text) {
        Set<String> words = new TreeSet<>();
        WORD.matcher(text).results().map(m -> m.group().toLowerCase(Locale.ROOT)).forEach(words::add);
        return words;
    }
}
