package org.hotdesk.web.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.forwarding.ForwardingService;
import org.hotdesk.core.forwarding.NoAnswer;

/**
 * The forwarding form of the console's person page and of /me, as typed: four targets ({@code 1002},
 * {@code +4930123456}, {@code voicemail} or empty) and the seconds to ring before "no answer". It reads the text into
 * a {@link ForwardingRequest}; the core checks it, every wrong rule at once.
 *
 * @param problems each wrong field (the form's names) → what is wrong, in plain words; empty when none
 */
public record ForwardingForm(String always, String busy, String noAnswer, String noAnswerSeconds, String unreachable,
                             Map<String, String> problems) {
    private static final String PROBLEM = "forwarding.problem.";

    public static ForwardingForm of(Context ctx) {
        return new ForwardingForm(param(ctx, "always"), param(ctx, "busy"), param(ctx, "noAnswer"),
                param(ctx, "noAnswerSeconds"), param(ctx, "unreachable"), Map.of());
    }

    /** What the form shows for stored rules. */
    public static ForwardingForm of(ForwardingRequest r) {
        return new ForwardingForm(orEmpty(r.always()), orEmpty(r.busy()),
                r.noAnswer() == null ? "" : orEmpty(r.noAnswer().target()),
                String.valueOf(r.noAnswer() == null || r.noAnswer().afterSeconds() == null ? NoAnswer.DEFAULT_SECONDS
                        : r.noAnswer().afterSeconds()), orEmpty(r.unreachable()), Map.of());
    }

    /** What a refused form kept ({@link #typed}), or {@code stored} when nothing was kept. */
    public static ForwardingForm kept(Map<String, String> typed, ForwardingForm stored) {
        if (!typed.containsKey("noAnswerSeconds")) return stored;
        Map<String, String> problems = new LinkedHashMap<>();
        typed.forEach((k, v) -> {
            if (k.startsWith(PROBLEM)) problems.put(k.substring(PROBLEM.length()), v);
        });
        return new ForwardingForm(typed.getOrDefault("always", ""), typed.getOrDefault("busy", ""),
                typed.getOrDefault("noAnswer", ""), typed.get("noAnswerSeconds"), typed.getOrDefault("unreachable", ""),
                problems);
    }

    /**
     * Checks the form for this person: the wait must be a whole number, the rest the core decides.
     *
     * @return the form with every problem noted per field (empty problems: {@link #request()} can be saved)
     */
    public ForwardingForm checked(ForwardingService forwarding, long tenantId, long userId) {
        List<HotdeskException> found = new ArrayList<>();
        Integer seconds = null;
        if (!noAnswer.isBlank() && !noAnswerSeconds.isBlank()) {
            try {
                seconds = Integer.valueOf(noAnswerSeconds.trim());
            } catch (NumberFormatException e) {
                found.add(new InvalidInputException("noAnswer.afterSeconds", "'" + noAnswerSeconds
                        + "' is not a whole number of seconds"));
            }
        }
        found.addAll(forwarding.problemsOf(tenantId, userId, request(seconds)));
        Map<String, String> byField = new LinkedHashMap<>();
        for (HotdeskException e : found) {
            String field = e instanceof InvalidInputException i ? formField(i.field()) : "always";
            byField.putIfAbsent(field, PlainMessages.of(e));
        }
        return new ForwardingForm(always, busy, noAnswer, noAnswerSeconds, unreachable, byField);
    }

    /** The rules to save; only meaningful when {@link #checked} found no problem. */
    public ForwardingRequest request() {
        return request(noAnswerSeconds.isBlank() ? null : Integer.valueOf(noAnswerSeconds.trim()));
    }

    private ForwardingRequest request(Integer seconds) {
        return new ForwardingRequest(always, busy,
                noAnswer.isBlank() ? null : new ForwardingRequest.NoAnswerText(noAnswer, seconds), unreachable);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public boolean bad(String field) {
        return problems.containsKey(field);
    }

    public String problem(String field) {
        return problems.get(field);
    }

    /** Every problem, one a line, top to bottom. */
    public String summary() {
        return String.join("\n", problems.values());
    }

    /** The fields as the session keeps a refused form, problems included. */
    public Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        typed.put("always", always);
        typed.put("busy", busy);
        typed.put("noAnswer", noAnswer);
        typed.put("noAnswerSeconds", noAnswerSeconds);
        typed.put("unreachable", unreachable);
        problems.forEach((k, v) -> typed.put(PROBLEM + k, v));
        return typed;
    }

    /** The core's field → the form's: {@code noAnswer.target} is the {@code noAnswer} box. */
    private static String formField(String field) {
        return switch (field) {
            case "noAnswer.target" -> "noAnswer";
            case "noAnswer.afterSeconds" -> "noAnswerSeconds";
            default -> field;
        };
    }

    private static String param(Context ctx, String name) {
        return orEmpty(ctx.formParam(name));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
