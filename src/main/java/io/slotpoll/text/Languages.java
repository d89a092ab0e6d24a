package io.slotpoll.text;

import java.util.List;

/**
 * The languages slotpoll speaks, pages and mails alike, as BCP 47 tags; the first is the
 * fallback. The pages' menu (web/app/i18n.js) lists the same ones, each named in itself.
 */
public final class Languages {

    public static final List<String> ALL = List.of("en", "de", "fr", "es", "pt-BR", "ja", "zh-CN", "ar");

    private Languages() {
    }
}
