package io.sluice.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice <command>}: the entry point of the runnable jar. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "High-throughput log ingestion: syslog -> ring -> journal + analyzers.",
    subcommands = {RunCommand.class, ReplayCommand.class, CheckConfigCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for a command that failed on the user's input (bad config, missing data dir). */
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;

    public static void main(String[] args) {
        // Before any Chronicle class loads: no usage analytics, no banner (the jar cannot set -D flags itself).
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((e, cmd, parsed) -> {
                // The user gets one line that says what is wrong, not a stack trace.
                boolean userError = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
                cmd.getErr().println("sluice " + cmd.getCommandName() + ": " + e.getMessage());
                if (!userError) {
                    e.printStackTrace(cmd.getErr());
                }
                return userError ? EXIT_USAGE : EXIT_FAILED;
            });
    }
}
