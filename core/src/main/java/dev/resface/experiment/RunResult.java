package dev.resface.experiment;

import dev.resface.BadInputException;
import dev.resface.evaluation.EditSummary;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scores of one trained run of an experiment, per direction: what the report compares. Written last, so its
 * presence means the run is trained and scored. NaN (a scorer that was not available) is stored as null.
 */
public record RunResult(String configuration, long seed, long iterations, double trainSeconds,
        Map<String, Double> add, Map<String, Double> remove) {
    public static final String FILE = "result.json";

    /** Which way a metric is better. */
    public enum Better {
        HIGHER, LOWER, NEARER_ZERO;

        public String words() {
            return switch (this) {
                case HIGHER -> "higher is better";
                case LOWER -> "lower is better";
                case NEARER_ZERO -> "nearer 0 is better";
            };
        }
    }

    /** The metrics compared. */
    public enum Metric {
        SUCCESS("success", "classifier success", Better.HIGHER),
        TRUTH_GAIN("truth_gain_db", "PSNR gain to the true counterpart, dB", Better.HIGHER),
        SSIM("ssim_edited", "SSIM to the true counterpart", Better.HIGHER),
        REMNANT("remnant", "median remnant of the attribute in its mask (0 = the truth)", Better.LOWER),
        REMNANT_UNDONE("remnant_undone", "remnant left undone (mean; the rest of it overshot or strayed)", Better.LOWER),
        MAE_OUTSIDE("mae_outside", "MAE outside the attribute region, grey levels", Better.LOWER),
        ENERGY_INSIDE("energy_inside", "share of the change inside the region", Better.HIGHER),
        IDENTITY("identity_distance", "face-api identity distance", Better.LOWER),
        HAIR_CHANGE("hair_change", "MAE inside the hair region against the input, grey levels", Better.LOWER),
        HAIR_CHANGE_FROM_ZERO("hair_change_from_zero", "MAE inside the hair region against the strength-0 output,"
                + " grey levels", Better.LOWER),
        MALE_SHIFT("male_shift", "shift of the classifier's P(Male)", Better.NEARER_ZERO),
        FACE_API_MALE_SHIFT("face_api_male_shift", "mean |shift| of face-api's P(male) from the strength-0 output",
                Better.LOWER),
        RECONSTRUCTION_PSNR("reconstruction_psnr_db", "PSNR of the strength-0 output to the input (latent models), dB",
                Better.HIGHER);

        public final String key;
        public final String title;
        public final Better better;

        Metric(String key, String title, Better better) {
            this.key = key;
            this.title = title;
            this.better = better;
        }
    }

    public static Map<String, Double> metrics(EditSummary s) {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, Metric.SUCCESS, s.successRate());
        put(m, Metric.TRUTH_GAIN, s.psnrEdited() - s.psnrInput());
        put(m, Metric.SSIM, s.ssimEdited());
        put(m, Metric.REMNANT, s.remnantMedian());
        put(m, Metric.REMNANT_UNDONE, s.remnantUndone());
        put(m, Metric.MAE_OUTSIDE, s.maeOutside());
        put(m, Metric.ENERGY_INSIDE, s.energyInside());
        put(m, Metric.IDENTITY, s.identityDistance());
        put(m, Metric.HAIR_CHANGE, s.hairChange());
        put(m, Metric.HAIR_CHANGE_FROM_ZERO, s.hairChangeFromZero());
        put(m, Metric.MALE_SHIFT, s.maleShift());
        put(m, Metric.FACE_API_MALE_SHIFT, s.faceApiMaleShift());
        put(m, Metric.RECONSTRUCTION_PSNR, s.reconstructionPsnr());
        return m;
    }

    private static void put(Map<String, Double> m, Metric metric, double v) {
        m.put(metric.key, Double.isNaN(v) ? null : v);
    }

    /** The value for a direction ("add" or "remove"); NaN where it was not measured. */
    public double value(String direction, Metric metric) {
        Double v = (direction.equals("add") ? add : remove).get(metric.key);
        return v == null ? Double.NaN : v;
    }

    public void write(Path runDir) throws IOException {
        PrettyJson.write(runDir.resolve(FILE), this);
    }

    /** The result of a finished run, or null when it has none yet. */
    public static RunResult read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return PrettyJson.read(file, RunResult.class);
        } catch (IOException e) {
            throw BadInputException.at(file, "not a valid experiment result (" + e.getMessage() + "); delete it to score"
                    + " the run again");
        }
    }
}
