package dev.resface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line naming the file and the problem, with a non-zero exit and no stack trace. */
class CommandLineErrorsTest {
    record Outcome(int code, String err) {}

    /** A run of a few 32px CPU-preset iterations: enough to have weights to load and edit with. */
    static void trainTiny(Path data, Path run, String attribute, int iterations) {
        Outcome o = run("train", "--data", data.toString(), "--attribute", attribute, "--out", run.toString(),
                "--preset", "cpu", "--size", "32", "--iterations", String.valueOf(iterations), "--batch", "2");
        assertThat(o.code()).as(o.err()).isZero();
    }

    static Outcome run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return new Outcome(Main.execute(args), err.toString());
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void missingDataFolder(@TempDir Path dir) {
        Outcome o = run("train", "--data", dir.resolve("nowhere").toString(), "--attribute", "Eyeglasses",
                "--out", dir.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).contains("resface: error: ").contains("nowhere").doesNotContain("\tat ");
    }

    @Test
    void impossibleTrainingValuesAreTheUsersErrorAndWriteNothing(@TempDir Path dir) {
        Path out = dir.resolve("run");
        String[][] cases = {{"--iterations", "0", "positive"}, {"--lr-decay-from", "1.5", "[0, 1)"},
            {"--score-every", "0", "--score-every must be a positive"}, {"--classifier", dir.toString(), "add --score-every"},
            {"--residual-norm", "l3", "l1, l2, log or none"}, {"--d-layers", "7", "3 to 5"}, {"--method", "gan", "residual-gan or vae-gan"},
            {"--generator", "unet", "table1, skip, masked or skip-masked"}, {"--ema", "1.5", "(0, 1)"},
            {"--undo", "-1", "0 or more"}};
        for (String[] c : cases) {
            Outcome o = run("train", "--data", dir.toString(), "--attribute", "Eyeglasses", "--out", out.toString(),
                    c[0], c[1]);
            assertThat(o.code()).as(c[0]).isEqualTo(2);
            assertThat(o.err().strip().lines()).as(c[0]).hasSize(1);
            assertThat(o.err()).as(c[0]).startsWith("resface: error: ").contains(c[2]).doesNotContain("internal");
            assertThat(out).as(c[0]).doesNotExist();
        }
    }

    @Test
    void aBadDemoOptionIsRefusedBeforeAnyFaceIsDrawn(@TempDir Path dir) {
        Path out = dir.resolve("demo");
        Outcome o = run("demo", "--out", out.toString(), "--generator", "unet");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).startsWith("resface: error: ").contains("table1, skip");
        assertThat(out).doesNotExist();
    }

    @Test
    void impossibleExperimentValuesWriteNothing(@TempDir Path dir) {
        Path out = dir.resolve("experiment");
        String[][] cases = {{"--configurations", "resface,bogus", "unknown configuration 'bogus'"},
            {"--seeds", "0", "--seeds must be at least 1"}};
        for (String[] c : cases) {
            Outcome o = run("experiment", "--data", dir.toString(), "--attribute", "No_Beard", "--out", out.toString(),
                    c[0], c[1]);
            assertThat(o.code()).as(c[0]).isEqualTo(2);
            assertThat(o.err().strip().lines()).as(c[0]).hasSize(1);
            assertThat(o.err()).as(c[0]).startsWith("resface: error: ").contains(c[2]);
            assertThat(out).as(c[0]).doesNotExist();
        }
    }

    @Test
    void impossibleGalleryValuesWriteNothing(@TempDir Path dir) {
        Path out = dir.resolve("gallery");
        String[][] cases = {{"--attributes", "Smiling,Freckles", "unknown attribute 'Freckles'"},
            {"--seeds", "0", "--seeds must be at least 1"}, {"--iterations", "0", "iterations"},
            {"--faces", "0", "face count must be in 1..999999"}};
        for (String[] c : cases) {
            Outcome o = run("gallery", "--out", out.toString(), c[0], c[1]);
            assertThat(o.code()).as(c[0]).isEqualTo(2);
            assertThat(o.err().strip().lines()).as(c[0]).hasSize(1);
            assertThat(o.err()).as(c[0]).startsWith("resface: error: ").contains(c[2]);
            assertThat(out).as(c[0]).doesNotExist();
        }
    }

    @Test
    void resumingWithAnotherMethodIsRefused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "40").code()).isZero();
        Path run = dir.resolve("run");
        trainTiny(data, run, "Eyeglasses", 2);
        byte[] before = Files.readAllBytes(run.resolve("checkpoint.bin"));
        Outcome o = run("train", "--data", data.toString(), "--attribute", "Eyeglasses", "--out", run.toString(),
                "--resume", "--method", "vae-gan", "--iterations", "3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).contains("config.json").contains("trains with residual-gan, not vae-gan");
        assertThat(Files.readAllBytes(run.resolve("checkpoint.bin"))).isEqualTo(before);
    }

    @Test
    void unknownAttribute(@TempDir Path dir) {
        Outcome o = run("train", "--data", dir.toString(), "--attribute", "Hat", "--out", dir.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown attribute 'Hat'").contains("Eyeglasses");
    }

    @Test
    void editWithoutARun(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("face.jpg"), new byte[] {1, 2, 3});
        Outcome o = run("edit", "--model", dir.resolve("run").toString(), "--input", image.toString(), "--direction", "remove");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("face.jpg").contains("unreadable");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void editChecksEveryInputBeforeWritingAny(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        Path run = dir.resolve("run");
        assertThat(run("synth", "--out", data.toString(), "--count", "40").code()).isZero();
        trainTiny(data, run, "Eyeglasses", 2);
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", inputs.resolve("a_square.png").toFile());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", inputs.resolve("b_wide.png").toFile());
        Path out = dir.resolve("edits");
        Outcome o = run("edit", "--model", run.toString(), "--input", inputs.toString(), "--direction", "add",
                "--out", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("b_wide.png").contains("40x30");
        assertThat(Files.exists(out)).isFalse();

        Files.delete(inputs.resolve("b_wide.png"));
        assertThat(run("edit", "--model", run.toString(), "--input", inputs.toString(), "--direction", "add",
                "--out", out.toString()).code()).isZero();
        assertThat(out.resolve("a_square_add.png")).exists();
        assertThat(out.resolve("a_square_add_residual.png")).exists();
    }

    @Test
    void strengthOutOfRange(@TempDir Path dir) {
        Outcome o = run("edit", "--model", dir.toString(), "--input", dir.toString(), "--direction", "add", "--strength", "3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--strength must be between 0 and 2");
    }

    @Test
    void racingPyTorchWithoutAUsablePythonIsOneLineNamingWhatWasTried(@TempDir Path dir) {
        String python = dir.resolve("no-python3").toString();
        Outcome o = run("bench", "--against-pytorch", "--python", python, "--rounds", "1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("resface: error: --against-pytorch needs a Python that can import torch")
                .contains(python).contains("python3-torch").doesNotContain("\n").doesNotContain("\tat ");
        Outcome rounds = run("bench", "--against-pytorch", "--rounds", "0");
        assertThat(rounds.code()).isEqualTo(2);
        assertThat(rounds.err().strip()).isEqualTo("resface: error: --rounds and --timed must be positive, got 0 and 5");
    }

    @Test
    void theDeviceIsOneChoiceRecordedInTheRunAndAMissingGpuIsOneLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "40").code()).isZero();
        Outcome gpu = run("train", "--data", data.toString(), "--attribute", "Eyeglasses", "--out",
                dir.resolve("gpu").toString(), "--preset", "cpu", "--size", "32", "--iterations", "1", "--device", "gpu");
        assertThat(gpu.code()).isEqualTo(2);
        assertThat(gpu.err().strip()).startsWith("resface: error: --device gpu: libtorch sees no usable GPU")
                .contains("--device cpu").doesNotContain("\tat ");
        assertThat(dir.resolve("gpu")).doesNotExist();
        Outcome bad = run("edit", "--device", "tpu", "--model", "x", "--input", "y", "--direction", "add");
        assertThat(bad.err().strip()).isEqualTo("resface: error: --device must be auto, cpu or gpu, got 'tpu' (see 'resface --help')");
        // each command line starts from the default again: the refused gpu is not carried over
        for (String device : new String[] {"cpu", null}) {
            Path runDir = dir.resolve("run-" + device);
            List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--attribute",
                    "Eyeglasses", "--out", runDir.toString(), "--preset", "cpu", "--size", "32", "--iterations", "1",
                    "--batch", "2"));
            if (device != null) {
                args.addAll(List.of("--device", device));
            }
            assertThat(run(args.toArray(String[]::new)).code()).isZero();
            String recorded = new ObjectMapper().readTree(runDir.resolve("config.json").toFile())
                    .get("machine").get("device").asText();
            assertThat(recorded).isEqualTo("cpu() (--device " + (device == null ? "auto" : device) + ")");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "edit", "synth", "demo", "bench", "landmarks", "realfaces", "eval", "correlate",
            "experiment", "gallery", "serve"}) {
            assertThat(run(command, "--help").code()).isZero();
        }
    }

    @Test
    void correlatePrintsMaleVersusNoBeardAndWritesTheMatrix(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "60").code()).isZero();
        Path json = dir.resolve("r.json");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            assertThat(run("correlate", "--data", data.toString(), "--out", json.toString()).code()).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString()).contains("over 60 images, 40 attributes").contains("Male vs No_Beard: ");
        var matrix = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("pearson");
        assertThat(matrix).hasSize(40);
        assertThat(matrix.get(0)).hasSize(40);

        Outcome missing = run("correlate", "--data", dir.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("list_attr_celeba.txt");
    }
}
