package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.engine.DeviceChoice;
import dev.resface.engine.Torch;
import dev.resface.training.Methods;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The resface command line. Bad input ends in one line naming the file and the problem, never a stack trace. */
@Command(
        name = "resface",
        mixinStandardHelpOptions = true,
        version = "resface 0.1.0",
        description = "Face attribute manipulation with residual images (Shen & Liu, CVPR 2017).",
        subcommands = {
            SynthCommand.class,
            TrainCommand.class,
            EditCommand.class,
            ServeCommand.class,
            SparkEditCommand.class,
            DemoCommand.class,
            GalleryCommand.class,
            BenchCommand.class,
            LandmarksCommand.class,
            RealFacesCommand.class,
            EvalCommand.class,
            CorrelateCommand.class,
            ExperimentCommand.class,
            ClassifierCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every command takes it; picocli sets it, default included, on each run of the command line. */
    @CommandLine.Option(names = "--device", scope = CommandLine.ScopeType.INHERIT, defaultValue = "auto",
            paramLabel = "auto|cpu|gpu", description = "where tensors live: auto (a GPU when libtorch sees one), cpu"
                    + " or gpu (default ${DEFAULT-VALUE})")
    void device(String value) {
        try {
            Torch.use(DeviceChoice.parse(value));
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    static int execute(String... args) {
        // The jar carries no SLF4J provider, so that under spark-submit the cluster's is the only one; run alone,
        // SLF4J then logs nothing, and its warning that it does so is nothing a user can act on.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        System.setProperty(TrainCommand.METHODS_HELP, Methods.help());
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("resface: error: " + e.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            while (!(cause instanceof BadInputException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof BadInputException) {
                commandLine.getErr().println("resface: error: " + cause.getMessage());
                return 2;
            }
            if (System.getenv("RESFACE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().println("resface: internal error: " + e
                    + " (set RESFACE_DEBUG=1 for the stack trace)");
            return 1;
        });
        return cli.execute(args);
    }
}
