package dev.resface.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "The attribute classifier that scores edits (manipulation success rate).",
        subcommands = {ClassifierTrainCommand.class})
final class ClassifierCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
