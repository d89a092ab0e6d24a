package io.slotpoll.mail;

/** HTML for mail bodies: text escaped for elements and attribute values, and links. */
public final class Html {

    private Html() {
    }

    /** {@code text} safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link to {@code url} reading {@code label}, both escaped. */
    public static String link(String url, String label) {
        return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
    }

    /** A paragraph of escaped text. */
    public static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>";
    }
}
