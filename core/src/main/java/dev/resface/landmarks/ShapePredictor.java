package dev.resface.landmarks;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A pure-Java port of the inference half of dlib's {@code shape_predictor} (ensemble of regression trees, Kazemi and
 * Sullivan 2014), reading dlib's own serialized file, e.g. {@code shape_predictor_68_face_landmarks.dat}.
 *
 * <p>It follows dlib's arithmetic: features are read from the grey image {@code (r+g+b)/3} at points placed by a
 * similarity transform (computed in double, applied in float) from the mean shape to the current shape; each tree adds
 * a leaf to the current shape (float); the result is mapped into the box and, by {@link #predictPoints}, rounded as dlib
 * does. Immutable and thread-safe once loaded.
 */
public final class ShapePredictor {
    private final float[] initialShape; // x0, y0, x1, y1, ... in the unit box
    private final Cascade[] cascades;
    private final double[] initialD;
    private final boolean similarityDefined;

    /** One level of the cascade: its feature definitions and its trees, each a complete binary tree. */
    record Cascade(int[] anchor, float[] deltaX, float[] deltaY, Tree[] trees) {
    }

    /** {@code splits} nodes in breadth-first order; {@code leaves} holds {@code splits+1} shape increments back to back. */
    record Tree(int[] idx1, int[] idx2, float[] thresh, float[] leaves) {
    }

    ShapePredictor(float[] initialShape, Cascade[] cascades) {
        this.initialShape = initialShape;
        this.cascades = cascades;
        this.initialD = toDouble(initialShape);
        // with a single point, or all points equal, dlib keeps the identity
        boolean spread = false;
        for (int i = 2; i < initialShape.length; i += 2) {
            spread |= initialShape[i] != initialShape[0] || initialShape[i + 1] != initialShape[1];
        }
        this.similarityDefined = spread;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** Number of landmarks (68 for the iBUG 300-W model). */
    public int landmarkCount() {
        return initialShape.length / 2;
    }

    public int cascadeCount() {
        return cascades.length;
    }

    /** The shape every prediction starts from, in the unit box ({@code x0, y0, ...}; (0,0) = box top-left). */
    public double[] meanShape() {
        return initialD.clone();
    }

    /** Loads a dlib {@code shape_predictor} file; any corrupt, truncated or foreign file gives a {@link BadInputException}. */
    public static ShapePredictor load(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "dlib shape_predictor model file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read dlib shape_predictor model: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new DlibReader(file, in, size));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read dlib shape_predictor model: " + e.getMessage(), e);
        }
    }

    private static ShapePredictor parse(DlibReader r) {
        if (r.remaining() == 0) {
            throw r.bad("the file is empty");
        }
        long version = r.readSigned(4, "version");
        if (version != 1) {
            throw r.bad("version " + version + ", expected 1 (a dlib shape_predictor starts with bytes 01 01)");
        }
        float[] initial = r.readColumn(-1, "initial_shape");
        if (initial.length == 0 || initial.length % 2 != 0) {
            throw r.bad("initial_shape has " + initial.length + " values, expected a positive even number (x,y pairs)");
        }
        int dim = initial.length;

        int cascadeCount = r.readVectorSize(-1, 1, "forests");
        int[][] idx1 = new int[cascadeCount][];
        Tree[][] forests = new Tree[cascadeCount][];
        for (int c = 0; c < cascadeCount; c++) {
            int treeCount = r.readVectorSize(-1, 2, "forest " + c);
            forests[c] = new Tree[treeCount];
            for (int t = 0; t < treeCount; t++) {
                String where = "tree " + t + " of forest " + c;
                int splits = r.readVectorSize(-1, 4, "splits of " + where);
                if (Integer.bitCount(splits + 1) != 1) {
                    throw r.bad(where + " has " + splits + " splits, expected 2^depth - 1");
                }
                int[] a = new int[splits];
                int[] b = new int[splits];
                float[] th = new float[splits];
                for (int s = 0; s < splits; s++) {
                    a[s] = (int) Math.min(r.readUnsigned(8, "split " + s + " of " + where), Integer.MAX_VALUE);
                    b[s] = (int) Math.min(r.readUnsigned(8, "split " + s + " of " + where), Integer.MAX_VALUE);
                    th[s] = r.readFloat("threshold of split " + s + " of " + where);
                }
                int leafCount = r.readVectorSize(splits + 1, 2, "leaf_values of " + where);
                if ((long) leafCount * dim > 50_000_000L) {
                    throw r.bad(where + " is too large");
                }
                float[] leaves = new float[leafCount * dim];
                for (int l = 0; l < leafCount; l++) {
                    float[] leaf = r.readColumn(dim, "leaf " + l + " of " + where);
                    System.arraycopy(leaf, 0, leaves, l * dim, dim);
                }
                forests[c][t] = new Tree(a, b, th, leaves);
            }
        }

        r.readVectorSize(cascadeCount, 1, "anchor_idx");
        int[][] anchors = new int[cascadeCount][];
        for (int c = 0; c < cascadeCount; c++) {
            int n = r.readVectorSize(-1, 2, "anchor_idx " + c);
            anchors[c] = new int[n];
            for (int j = 0; j < n; j++) {
                long v = r.readUnsigned(8, "anchor_idx " + c);
                if (v >= dim / 2) {
                    throw r.bad("anchor_idx " + c + "[" + j + "] = " + v + ", but there are only " + dim / 2 + " landmarks");
                }
                anchors[c][j] = (int) v;
            }
        }

        r.readVectorSize(cascadeCount, 1, "deltas");
        Cascade[] cascades = new Cascade[cascadeCount];
        for (int c = 0; c < cascadeCount; c++) {
            int n = anchors[c].length;
            r.readVectorSize(n, 4, "deltas " + c);
            float[] dx = new float[n];
            float[] dy = new float[n];
            for (int j = 0; j < n; j++) {
                dx[j] = r.readFloat("deltas " + c);
                dy[j] = r.readFloat("deltas " + c);
            }
            for (Tree tree : forests[c]) {
                for (int s = 0; s < tree.idx1().length; s++) {
                    if (tree.idx1()[s] >= n || tree.idx2()[s] >= n) {
                        throw r.bad("a split in forest " + c + " uses feature " + Math.max(tree.idx1()[s], tree.idx2()[s])
                                + ", but that cascade has only " + n + " features");
                    }
                }
            }
            cascades[c] = new Cascade(anchors[c], dx, dy, forests[c]);
        }
        r.expectEnd();
        return new ShapePredictor(initial, cascades);
    }

    /**
     * Landmarks for the face in {@code box}, in image pixels, unrounded: {@code x0, y0, x1, y1, ...}.
     */
    public double[] predict(RgbImage image, Box box) {
        float[] current = run(image, box);
        int n = landmarkCount();
        double[] out = new double[2 * n];
        double left = box.left();
        double top = box.top();
        double w = box.right() - box.left();
        double h = box.bottom() - box.top();
        for (int i = 0; i < n; i++) {
            out[2 * i] = left + current[2 * i] * w;
            out[2 * i + 1] = top + current[2 * i + 1] * h;
        }
        return out;
    }

    /** Landmarks rounded to whole pixels as dlib's {@code full_object_detection} does: {@code x0, y0, x1, y1, ...}. */
    public int[] predictPoints(RgbImage image, Box box) {
        double[] p = predict(image, box);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (int) Math.floor(p[i] + 0.5);
        }
        return out;
    }

    private float[] run(RgbImage image, Box box) {
        float[] current = initialShape.clone();
        int dim = current.length;
        double left = box.left();
        double top = box.top();
        double w = box.right() - box.left();
        double h = box.bottom() - box.top();
        int width = image.width();
        int height = image.height();
        byte[] px = image.pixels();
        float[] features = new float[0];
        double[] currentD = new double[dim];
        for (Cascade cascade : cascades) {
            // dlib computes the transform in double and applies it in float
            SimilarityTransform t = SimilarityTransform.IDENTITY;
            if (similarityDefined) {
                for (int k = 0; k < dim; k++) {
                    currentD[k] = current[k];
                }
                t = SimilarityTransform.fit(initialD, currentD);
            }
            float m00 = (float) t.a();
            float m01 = (float) -t.b();
            float m10 = (float) t.b();
            float m11 = (float) t.a();
            int count = cascade.anchor().length;
            if (features.length < count) {
                features = new float[count];
            }
            int[] anchor = cascade.anchor();
            float[] dx = cascade.deltaX();
            float[] dy = cascade.deltaY();
            for (int j = 0; j < count; j++) {
                float px0 = m00 * dx[j] + m01 * dy[j] + current[2 * anchor[j]];
                float py0 = m10 * dx[j] + m11 * dy[j] + current[2 * anchor[j] + 1];
                double ix = Math.floor(left + px0 * w + 0.5);
                double iy = Math.floor(top + py0 * h + 0.5);
                if (ix >= 0 && iy >= 0 && ix < width && iy < height) {
                    int o = ((int) iy * width + (int) ix) * 3;
                    features[j] = ((px[o] & 0xFF) + (px[o + 1] & 0xFF) + (px[o + 2] & 0xFF)) / 3;
                } else {
                    features[j] = 0;
                }
            }
            for (Tree tree : cascade.trees()) {
                int[] a = tree.idx1();
                int[] b = tree.idx2();
                float[] th = tree.thresh();
                int splits = a.length;
                int i = 0;
                while (i < splits) {
                    i = features[a[i]] - features[b[i]] > th[i] ? 2 * i + 1 : 2 * i + 2;
                }
                float[] leaves = tree.leaves();
                int base = (i - splits) * dim;
                for (int k = 0; k < dim; k++) {
                    current[k] += leaves[base + k];
                }
            }
        }
        return current;
    }
}
