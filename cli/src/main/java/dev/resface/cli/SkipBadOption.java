package dev.resface.cli;

import picocli.CommandLine.Option;

/** The flag of every command that reads a dataset through the packed image cache, so bad images stop them alike. */
final class SkipBadOption {
    @Option(names = "--skip-bad", description = "leave out unreadable images (counted in the log) instead of stopping")
    boolean enabled;
}
