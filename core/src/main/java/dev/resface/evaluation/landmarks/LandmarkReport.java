package dev.resface.evaluation.landmarks;

import dev.resface.evaluation.landmarks.LandmarkProtocol.Face;
import dev.resface.evaluation.landmarks.LandmarkProtocol.Result;
import dev.resface.image.ImageFiles;
import dev.resface.engine.Machine;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Table 2 in the paper's layout with the paper's figures beside ours, as text, JSON and a picture. */
public final class LandmarkReport {
    /** Shen and Liu 2017, Table 2: average normalized distance error of dlib's landmarks. */
    public static final LandmarkError PAPER_D0 = new LandmarkError(0.02341, 0.04424);
    public static final LandmarkError PAPER_D1 = new LandmarkError(0.03570, 0.04605);
    public static final LandmarkError PAPER_D1M = new LandmarkError(0.03048, 0.04608);

    public static final String JSON_FILE = "landmarks.json";
    public static final String PICTURE_FILE = "landmarks.png";
    public static final String CONFIG_FILE = "config.json";


    private LandmarkReport() {}

    /** The table, e.g. for the console. */
    public static String table(Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-28s %-19s %-19s %-19s%n", "normalized error", "D0 (no glasses)",
                "D1 (glasses)", "D1m (G1 removed)"));
        s.append(String.format(Locale.ROOT, "%-28s %-19s %-19s %-19s%n", "", "ours   paper", "ours   paper",
                "ours   paper"));
        LandmarkError d1m = r.d1mError();
        s.append(row("eyes", r.d0Error().eyes(), r.d1Error().eyes(), d1m == null ? Double.NaN : d1m.eyes(),
                PAPER_D0.eyes(), PAPER_D1.eyes(), PAPER_D1M.eyes()));
        s.append(row("rest (nose, mouth corners)", r.d0Error().rest(), r.d1Error().rest(),
                d1m == null ? Double.NaN : d1m.rest(), PAPER_D0.rest(), PAPER_D1.rest(), PAPER_D1M.rest()));
        s.append(String.format(Locale.ROOT, "faces: D0 %d, D1 %d; errors divided by the ground truth's inter-ocular"
                + " distance%n", r.d0().size(), r.d1().size()));
        if (r.hasPairs()) {
            LandmarkError p1 = r.d1VsCounterpart();
            s.append(String.format(Locale.ROOT,
                    "same faces against their glasses-free counterparts: D1 eyes %.4f rest %.4f", p1.eyes(), p1.rest()));
            LandmarkError p1m = r.d1mVsCounterpart();
            if (p1m != null) {
                s.append(String.format(Locale.ROOT, "; D1m eyes %.4f rest %.4f", p1m.eyes(), p1m.rest()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String row(String name, double d0, double d1, double d1m, double p0, double p1, double p1m) {
        return String.format(Locale.ROOT, "%-28s %-19s %-19s %-19s%n", name, pair(d0, p0), pair(d1, p1),
                pair(d1m, p1m));
    }

    private static String pair(double ours, double paper) {
        return String.format(Locale.ROOT, "%s %.5f", Double.isNaN(ours) ? "  -   " : String.format(Locale.ROOT,
                "%.4f", ours), paper);
    }

    /** Writes the config, the JSON and the picture into {@code out}. */
    public static void write(Path out, LandmarkEvalConfig config, Result r, LandmarkPicture picture)
            throws IOException {
        Files.createDirectories(out);
        PrettyJson.write(out.resolve(CONFIG_FILE), config);
        PrettyJson.write(out.resolve(JSON_FILE), json(config, r));
        ImageFiles.writePng(out.resolve(PICTURE_FILE), picture.render());
    }

    static Map<String, Object> json(LandmarkEvalConfig config, Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine", Machine.current().line());
        m.put("normalization", "inter-ocular distance of the ground truth (eye centres)");
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("box", new int[] {r.calibration().box().left(), r.calibration().box().top(),
                r.calibration().box().width(), r.calibration().box().height()});
        box.put("cropSize", config.landmarkSize());
        box.put("fittedOnFaces", r.calibration().faces());
        box.put("rmsPx", r.calibration().rmsPx());
        m.put("faceBox", box);
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("D0", r.d0Error());
        ours.put("D1", r.d1Error());
        ours.put("D1m", r.d1mError());
        m.put("ours", ours);
        Map<String, Object> paper = new LinkedHashMap<>();
        paper.put("D0", PAPER_D0);
        paper.put("D1", PAPER_D1);
        paper.put("D1m", PAPER_D1M);
        m.put("paper", paper);
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("D1", r.d1VsCounterpart());
        pairs.put("D1m", r.d1mVsCounterpart());
        m.put("vsCounterpart", pairs);
        m.put("D0", faces(r.d0()));
        m.put("D1", faces(r.d1()));
        return m;
    }

    private static List<Map<String, Object>> faces(List<Face> faces) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Face f : faces) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", f.name());
            m.put("truth", f.truth());
            m.put("points", f.original().points());
            m.put("error", f.original().vsTruth());
            if (f.edited() != null) {
                m.put("editedPoints", f.edited().points());
                m.put("editedError", f.edited().vsTruth());
            }
            if (f.counterpart() != null) {
                m.put("counterpartPoints", f.counterpart());
            }
            out.add(m);
        }
        return out;
    }
}
