package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.editing.Editor;
import dev.resface.evaluation.landmarks.LandmarkEvalConfig;
import dev.resface.evaluation.landmarks.LandmarkPicture;
import dev.resface.evaluation.landmarks.LandmarkProtocol;
import dev.resface.evaluation.landmarks.LandmarkReport;
import dev.resface.landmarks.ShapePredictor;
import dev.resface.util.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "landmarks", mixinStandardHelpOptions = true,
        description = "The paper's landmark test (Table 2): dlib's landmarks on test faces without glasses (D0), with"
                + " glasses (D1) and with them removed by the run's G1 (D1m).")
final class EvalLandmarksCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "dataset in aligned-CelebA layout with list_landmarks_align_celeba.txt")
    Path data;

    @Option(names = "--model", description = "trained Eyeglasses run folder; without it only D0 and D1 are measured")
    Path run;

    @Option(names = "--out", description = "output folder (default: RUN/eval/landmarks, or DATA/eval-landmarks without --model)")
    Path out;

    @Option(names = "--crop", description = "crop recipe without --model: paper or celeba_178 (default paper; with --model, the run's)")
    String crop;

    @Option(names = "--size", description = "crop size without --model (default 128; with --model, the run's)")
    Integer size;

    @Option(names = "--landmark-size", defaultValue = "128",
            description = "crops are resized to this before landmarking (default ${DEFAULT-VALUE})")
    int landmarkSize;

    @Option(names = "--per-class", defaultValue = "0", description = "at most this many faces in D0 and in D1 (default: all balanced test faces)")
    int perClass;

    @Option(names = "--seed", defaultValue = "1", description = "which balanced test faces are drawn (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws Exception {
        CelebaDataset dataset = CelebaDataset.open(data);
        ShapePredictor sp = ShapePredictor.load(predictor.file);
        try (Editor editor = run == null ? null : Editor.open(run)) {
            if (editor != null && (crop != null || size != null)) {
                throw new BadInputException("--crop and --size come from the run when --model is given");
            }
            LandmarkEvalConfig config = new LandmarkEvalConfig(data.toAbsolutePath().toString(),
                    run == null ? null : run.toAbsolutePath().toString(), predictor.file.toString(),
                    editor != null ? editor.config().data().crop() : crop != null ? crop : "paper",
                    editor != null ? editor.imageSize() : size != null ? size : 128, landmarkSize, perClass, seed);
            LandmarkProtocol protocol = new LandmarkProtocol(dataset, sp, editor, config);
            int faces = 2 * protocol.testSet().perClass();
            LandmarkProtocol.Result result;
            try (Progress bar = Progress.bar("landmarks", faces)) {
                result = protocol.run(i -> bar.step());
            }
            Path target = out != null ? out : run != null ? run.resolve("eval").resolve("landmarks")
                    : data.resolve("eval-landmarks");
            LandmarkReport.write(target, config, result, LandmarkPicture.of(protocol, result, 6));
            System.out.println(result.calibration().describe(landmarkSize));
            System.out.print(LandmarkReport.table(result));
            System.err.println("wrote " + target.resolve(LandmarkReport.JSON_FILE) + " and "
                    + target.resolve(LandmarkReport.PICTURE_FILE));
        }
        return 0;
    }
}
