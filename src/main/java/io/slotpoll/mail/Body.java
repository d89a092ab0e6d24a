package io.slotpoll.mail;

/**
 * A mail's content, written once and kept as plain text and as HTML side by side:
 * paragraphs and links, every piece of text escaped for the HTML form.
 */
public final class Body {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    public Body paragraph(String line) {
        text.append(line).append("\n\n");
        html.append(Html.paragraph(line));
        return this;
    }

    /** A link on a line of its own: "label: url" in text, an anchor in HTML. */
    public Body link(String label, String url) {
        text.append(label).append(":\n").append(url).append("\n\n");
        html.append("<p>").append(Html.link(url, label)).append("</p>");
        return this;
    }

    String text() {
        return text.toString();
    }

    String html() {
        return html.toString();
    }
}
