package org.hotdesk.sip.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice login dialog of one call: asks for the extension (unless the dial string gave it) and the PIN,
 * tries the login, and says how it went. Three PIN tries per call; a silent caller is let go after the
 * inter-digit timeout; a call never lasts longer than the overall limit. Ends by hanging up.
 */
public final class IvrCall implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(IvrCall.class);
    static final int PIN_TRIES = 3;

    /** Logs in with an extension and PIN: the core's login, so lockout counters are shared with every path. */
    public interface Login extends Function<Credentials, LoginResult> {
    }

    public record Credentials(String extension, String pin) {
        @Override
        public String toString() {
            return "Credentials[extension=" + extension + "]";
        }
    }

    private final RtpSession rtp;
    private final Prompts prompts;
    private final String givenExtension;
    private final Login login;
    private final Duration interDigit;
    private final Instant deadline;
    private final Runnable hangUp;

    public IvrCall(RtpSession rtp, Prompts prompts, String givenExtension, Login login, Duration interDigit,
                   Duration callLimit, Runnable hangUp) {
        this.rtp = rtp;
        this.prompts = prompts;
        this.givenExtension = givenExtension;
        this.login = login;
        this.interDigit = interDigit;
        this.deadline = Instant.now().plus(callLimit);
        this.hangUp = hangUp;
    }

    @Override
    public void run() {
        try {
            dialog();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("IVR call failed", e);
        } finally {
            rtp.close();
            hangUp.run();
        }
    }

    private void dialog() throws InterruptedException {
        String extension = givenExtension;
        if (extension == null) {
            Optional<String> typed = ask(List.of(prompts.get("enter_extension", rtp.codec())));
            if (typed.isEmpty()) {
                say(List.of(prompts.get("no_input", rtp.codec()), prompts.get("goodbye", rtp.codec())));
                return;
            }
            extension = typed.get();
        }
        List<byte[]> askPin = List.of(prompts.get("enter_pin", rtp.codec()));
        for (int attempt = 1; attempt <= PIN_TRIES; attempt++) {
            // after a wrong PIN: "Incorrect PIN, please try again" runs straight into the question
            Optional<String> pin = ask(attempt == 1 ? askPin : concat(prompts.get("incorrect_pin", rtp.codec()), askPin));
            if (pin.isEmpty()) {
                say(List.of(prompts.get("no_input", rtp.codec()), prompts.get("goodbye", rtp.codec())));
                return;
            }
            LoginResult result = login.apply(new Credentials(extension, pin.get()));
            if (result instanceof LoginResult.LoggedIn) {
                say(concat(prompts.get("logged_in_as", rtp.codec()), prompts.digits(extension, rtp.codec())));
                return;
            }
            LoginRefusal refusal = ((LoginResult.Refused) result).refusal();
            log.info("IVR login refused extension={} reason={} attempt={}", extension, refusal, attempt);
            switch (refusal) {
                case INVALID_CREDENTIALS -> {
                    // asked again, with the apology first
                }
                case LOCKED -> {
                    say(prompts.get("locked", rtp.codec()));
                    return;
                }
                case HOT_DESK_NOT_ALLOWED -> {
                    say(prompts.get("not_allowed", rtp.codec()));
                    return;
                }
                default -> {
                    say(prompts.get("goodbye", rtp.codec()));
                    return;
                }
            }
        }
        say(List.of(prompts.get("incorrect_pin", rtp.codec()), prompts.get("goodbye", rtp.codec())));
    }

    /** Plays a prompt, then collects keys up to '#'. A key during the prompt stops it (barge-in). */
    private Optional<String> ask(List<byte[]> prompt) throws InterruptedException {
        var playing = rtp.play(prompt);
        while (!playing.isDone() && !rtp.hasKey() && !pastDeadline()) {
            Thread.sleep(20);
        }
        rtp.stopPlaying();
        StringBuilder typed = new StringBuilder();
        while (!pastDeadline()) {
            Optional<Character> key = rtp.nextKey(interDigit.toMillis(), TimeUnit.MILLISECONDS);
            if (key.isEmpty()) break;
            if (key.get() == '#') return typed.isEmpty() ? Optional.empty() : Optional.of(typed.toString());
            if (Character.isDigit(key.get()) && typed.length() < 16) typed.append(key.get());
        }
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed.toString());
    }

    private void say(byte[] audio) {
        say(List.of(audio));
    }

    private void say(List<byte[]> audio) {
        rtp.play(audio).join();
    }

    private boolean pastDeadline() {
        return Instant.now().isAfter(deadline);
    }

    private static List<byte[]> concat(byte[] first, List<byte[]> then) {
        List<byte[]> clips = new ArrayList<>(1 + then.size());
        clips.add(first);
        clips.addAll(then);
        return clips;
    }
}
