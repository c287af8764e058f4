package org.hotdesk.web.pages;

import java.util.Map;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;

/**
 * The core's errors as sentences for the people at the console and on /me. The core names fields as the API does
 * ({@code mac: is required}), which scripts need and people do not: here a field becomes its label on the form
 * ("MAC address is required."), a missing thing a hint to reload, and nothing reaches the page that only a
 * developer could read. The REST API keeps the core's wording and its JSON shape.
 */
public final class PlainMessages {
    /** Form fields by their API name; a field not here is named by its words ("sipDomain" → "SIP domain"). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("mac", "MAC address"), Map.entry("name", "Name"), Map.entry("extension", "Extension"),
            Map.entry("pin", "PIN"), Map.entry("sipPassword", "SIP password"), Map.entry("domain", "Domain"),
            Map.entry("model", "Model"), Map.entry("vendor", "Phone make"), Map.entry("site", "Site"),
            Map.entry("ports", "Number of ports"), Map.entry("port", "Port"), Map.entry("sipDomain", "SIP domain"),
            Map.entry("sipPort", "SIP port"), Map.entry("ntpServer", "NTP server"), Map.entry("country", "Country"),
            Map.entry("mode", "Provisioning mode"), Map.entry("transport", "SIP transport"),
            Map.entry("keys.type", "Key type"), Map.entry("keys.value", "Key number"),
            Map.entry("keys.label", "Key label"), Map.entry("keys", "Keys"),
            Map.entry("sourceCidrs", "Networks"), Map.entry("dids", "Number"), Map.entry("voicemailUri", "Voicemail server"),
            Map.entry("always", "Forward every call"), Map.entry("busy", "When busy"),
            Map.entry("noAnswer.target", "When not answered"), Map.entry("noAnswer.afterSeconds", "Ring for"),
            Map.entry("unreachable", "When unreachable"));
    /** Fields that stand for the form as a whole: their message is already a whole sentence ("tick at least one desk"). */
    private static final java.util.Set<String> SENTENCES = java.util.Set.of("devices", "deviceIds", "action", "ids", "lines");
    /** Things the core reports missing, in the words of the pages. */
    private static final Map<String, String> THINGS = Map.of("device", "desk", "session", "session", "user", "person",
            "tenant", "tenant", "extension", "person with that extension", "token", "token", "site", "site",
            "trunk", "trunk");

    private PlainMessages() {
    }

    /** One plain sentence (or two) for {@code e}, ending with a full stop. */
    public static String of(HotdeskException e) {
        return switch (e) {
            case InvalidInputException invalid -> invalid(invalid);
            case NotFoundException missing -> notFound(missing);
            case ConflictException conflict -> sentence(conflict.getMessage());
            default -> sentence(e.getMessage());
        };
    }

    /** The message for a form that was refused as a whole: what was wrong, then that nothing changed. */
    public static String nothingChanged(HotdeskException e) {
        String message = of(e);
        return message.toLowerCase(java.util.Locale.ROOT).contains("nothing was changed") ? message
                : message + " Nothing was changed.";
    }

    private static String invalid(InvalidInputException e) {
        String prefix = e.field() + ": ";
        String detail = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        // "is required", "must be ...": one sentence with the label as subject; "'zz' is not ...": label, colon
        boolean predicate = detail.matches("(is|must|needs|has|may|at most|contains)\\b.*");
        if (SENTENCES.contains(e.field()) && !predicate) {
            return sentence(detail);
        }
        // "dids.+14155550100": the DID the problem is about
        String label = e.field() != null && e.field().startsWith("dids.") ? "Number " + e.field().substring(5)
                : LABELS.getOrDefault(e.field(), words(e.field()));
        return sentence(label + (predicate ? " " : ": ") + detail);
    }

    private static String notFound(NotFoundException e) {
        String message = e.getMessage();
        String what = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : message;
        String thing = THINGS.getOrDefault(what, words(what).toLowerCase(java.util.Locale.ROOT));
        return "That " + thing + " does not exist (any more). Reload the page and try again.";
    }

    /** "15 minutes", "1 minute": a wait, rounded up to whole minutes so nobody comes back a minute early. */
    public static String minutes(java.time.Duration wait) {
        long m = Math.max(1, (wait.toSeconds() + 59) / 60);
        return m == 1 ? "1 minute" : m + " minutes";
    }

    /** "sipDomain" → "SIP domain", "provisioning.fetchLimit" → "Fetch limit". */
    static String words(String field) {
        if (field == null || field.isBlank()) {
            return "This field";
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        String spaced = last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\bsip\\b", "SIP").replaceAll("\\bntp\\b", "NTP").replaceAll("\\bpin\\b", "PIN")
                .replaceAll("\\botp\\b", "login code").replaceAll("\\burl\\b", "URL").replaceAll("\\bmac\\b", "MAC");
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Capital first letter, full stop at the end. */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "That did not work. Try again.";
        }
        String t = text.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.matches("(?s).*[.!?]$") ? t : t + ".";
    }
}
