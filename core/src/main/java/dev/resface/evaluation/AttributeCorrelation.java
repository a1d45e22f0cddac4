package dev.resface.evaluation;

import dev.resface.BadInputException;
import dev.resface.data.AttributeTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pearson correlation between every pair of attribute columns of a CelebA attribute file (values +-1), as the paper
 * reports for Male and No_Beard (-0.5222 on CelebA). A column that never changes has no correlation (NaN).
 */
public final class AttributeCorrelation {
    private final List<String> names;
    private final double[][] r;

    private AttributeCorrelation(List<String> names, double[][] r) {
        this.names = names;
        this.r = r;
    }

    public record Pair(String a, String b, double r) {}

    public static AttributeCorrelation of(AttributeTable table) {
        int n = table.size();
        if (n < 2) {
            throw BadInputException.at(table.file(), "needs at least 2 images to correlate attributes, has " + n);
        }
        List<String> names = table.attributeNames();
        int k = names.size();
        // with +-1 values, the sums of x, y and x*y are all a correlation needs
        long[] sum = new long[k];
        long[][] cross = new long[k][k];
        int[] v = new int[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                v[c] = table.label(i, c) ? 1 : -1;
                sum[c] += v[c];
            }
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    cross[a][b] += v[a] * v[b];
                }
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double ma = (double) sum[a] / n;
                double mb = (double) sum[b] / n;
                double cov = (double) cross[a][b] / n - ma * mb;
                double va = 1 - ma * ma; // E[x^2] = 1 for +-1 values
                double vb = 1 - mb * mb;
                double value = va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
                r[a][b] = value;
                r[b][a] = value;
            }
        }
        return new AttributeCorrelation(names, r);
    }

    public List<String> names() {
        return names;
    }

    public double get(String a, String b) {
        int i = names.indexOf(a);
        int j = names.indexOf(b);
        if (i < 0 || j < 0) {
            throw new BadInputException("no attribute named " + (i < 0 ? a : b));
        }
        return r[i][j];
    }

    public double[][] matrix() {
        double[][] copy = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            copy[i] = r[i].clone();
        }
        return copy;
    }

    /** The {@code count} pairs with the largest |r|, strongest first (NaN pairs left out). */
    public List<Pair> strongest(int count) {
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < r.length; a++) {
            for (int b = a + 1; b < r.length; b++) {
                if (!Double.isNaN(r[a][b])) {
                    pairs.add(new Pair(names.get(a), names.get(b), r[a][b]));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> -Math.abs(p.r())));
        return pairs.subList(0, Math.min(count, pairs.size()));
    }
}
