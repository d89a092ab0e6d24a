package io.slotpoll.mail;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.slotpoll.text.Languages;
import io.slotpoll.time.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the mails, in the recipient's language: one catalog per language,
 * {@code mail/i18n/{lang}.properties} in UTF-8 (ICU message syntax, formatted by ICU4J's MessageFormat with the
 * language's CLDR plural rules), the same eight languages as the pages. A recipient's
 * language is the one of the request that gave their address: the pages send their own
 * language first in {@code Accept-Language}, any other client its own preferences.
 */
public final class MailText {

    /** The languages, as the pages speak them; the first is the fallback. */
    public static final List<String> LANGUAGES = Languages.ALL;

    private static final Map<String, Map<String, String>> CATALOGS = load();

    private MailText() {
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> catalogs = new HashMap<>();
        for (String language : LANGUAGES) {
            try (InputStream in = MailText.class.getResourceAsStream("/mail/i18n/" + language + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing from the jar: mail/i18n/" + language + ".properties");
                }
                Properties messages = new Properties();
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> catalog = new HashMap<>();
                messages.stringPropertyNames().forEach(key -> catalog.put(key, messages.getProperty(key)));
                catalogs.put(language, Map.copyOf(catalog));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(catalogs);
    }

    /**
     * The language of a request: the first of its {@code Accept-Language} ranges (by weight)
     * that names a language here exactly or by its base language ({@code de-AT} is German,
     * {@code pt-PT} Brazilian Portuguese); English when none does or the header is absent or
     * unreadable.
     */
    public static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.getFirst();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return LANGUAGES.getFirst();
        }
        for (Locale.LanguageRange range : ranges) {
            String wanted = range.getRange().toLowerCase(Locale.ROOT);
            for (String language : LANGUAGES) {
                if (language.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return language;
                }
            }
            String base = base(wanted);
            for (String language : LANGUAGES) {
                if (base(language.toLowerCase(Locale.ROOT)).equals(base)) {
                    return language;
                }
            }
        }
        return LANGUAGES.getFirst();
    }

    private static String base(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** A stored language, or English for a row from before languages were kept. */
    public static String orDefault(String language) {
        return language != null && CATALOGS.containsKey(language) ? language : LANGUAGES.getFirst();
    }

    /** Message {@code key} in {@code language}, its arguments given as name, value, name, value. */
    public static String get(String language, String key, Object... namesAndValues) {
        String pattern = CATALOGS.get(orDefault(language)).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no mail message " + key);
        }
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MessageFormat(pattern, locale(language)).format(args);
    }

    /**
     * A time span in {@code zone} with the zone named, as the language writes dates and
     * clocks: "Tuesday 8 December 2026, 14:00–15:00 (Europe/Berlin)", "Dienstag, 8. Dezember
     * 2026, 14:00–15:00 (Europe/Berlin)"; a span that ends on another day names that day too.
     */
    public static String when(String language, Instant start, Instant end, ZoneId zone) {
        String lang = orDefault(language);
        if (lang.equals("en")) {
            return Times.spoken(start, end, zone);
        }
        ULocale locale = locale(lang);
        TimeZone tz = TimeZone.getTimeZone(zone.getId());
        DateFormat day = DateFormat.getInstanceForSkeleton("yMMMMEEEEd", locale);
        day.setTimeZone(tz);
        String clockPattern = DateTimePatternGenerator.getInstance(locale).getBestPattern("jmm")
                .replace("HH", "H").replace("hh", "h");
        SimpleDateFormat clock = new SimpleDateFormat(clockPattern, locale);
        clock.setTimeZone(tz);
        Date from = Date.from(start);
        Date to = Date.from(end);
        boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
        return get(lang, sameDay ? "when" : "when.toDay", "day", day.format(from), "start", clock.format(from),
                "endDay", day.format(to), "end", clock.format(to), "zone", zone.getId());
    }

    /** Names as a list, the way the language separates them ("Ana, Bo, Cy"; "Ana、Bo、Cy"). */
    public static String list(String language, List<String> names) {
        return ListFormatter.getInstance(locale(language), ListFormatter.Type.UNITS, ListFormatter.Width.WIDE).format(names);
    }

    /** The locale ICU is given: Arabic with Latin digits, as on the pages. */
    static ULocale locale(String language) {
        String lang = orDefault(language);
        return ULocale.forLanguageTag(lang.equals("ar") ? "ar-u-nu-latn" : lang);
    }
}
