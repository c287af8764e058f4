package org.hotdesk.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.hotdesk.app.cli.HotdeskCommand;
import org.hotdesk.app.config.ConfigException;
import org.hotdesk.core.error.HotdeskException;
import picocli.CommandLine;

/** Entry point of {@code bin/hotdesk}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // An admin command's output is for scripts; the server's progress lines would only be noise there.
        // Set before the first logger exists, as logback.xml reads it once.
        if (!List.of(args).contains("serve") && System.getenv("HOTDESK_LOG_LEVEL") == null) {
            System.setProperty("HOTDESK_LOG_LEVEL", "WARN");
        }
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code (0 ok, 2 bad input or config, 1 failure). */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new HotdeskCommand(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::reportBadArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof HotdeskException || e instanceof ConfigException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("error: " + e);
            throw e;
        });
        return cli.execute(args);
    }

    /**
     * A mistyped option also leaves a required one "missing"; picocli reports the missing one, which
     * hides the typo. The unknown words are what the admin needs to see, so they come first.
     */
    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        List<String> unknown = command.getUnmatchedArguments();
        if (!unknown.isEmpty() && !(e instanceof CommandLine.UnmatchedArgumentException)) {
            err.println("error: unknown option or argument: " + String.join(" ", unknown));
        }
        err.println("error: " + e.getMessage());
        err.println("run `hotdesk " + commandPath(command) + "--help` for the options");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String commandPath(CommandLine command) {
        String path = "";
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            path = c.getCommandName() + " " + path;
        }
        return path;
    }
}
