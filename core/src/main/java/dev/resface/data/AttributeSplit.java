package dev.resface.data;

import dev.resface.BadInputException;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The images one attribute model trains and tests on, as dataset indices in file order: the training partition's
 * negatives (x0, attribute absent) and positives (x1, present), and the test partition's of each.
 */
public final class AttributeSplit {
    /** A balanced test set: the same number of negatives and positives, each in file order. */
    public record TestSet(int[] negatives, int[] positives) {
        public int perClass() {
            return negatives.length;
        }
    }

    private final String attribute;
    private final int[] trainNegatives;
    private final int[] trainPositives;
    private final int[] testNegatives;
    private final int[] testPositives;

    private AttributeSplit(String attribute, int[] trainNegatives, int[] trainPositives, int[] testNegatives,
            int[] testPositives) {
        this.attribute = attribute;
        this.trainNegatives = trainNegatives;
        this.trainPositives = trainPositives;
        this.testNegatives = testNegatives;
        this.testPositives = testPositives;
    }

    public static AttributeSplit of(CelebaDataset dataset, FaceAttribute attribute) {
        return of(dataset, attribute.celebaName(), i -> true);
    }

    /** Only images in the cache (bad images skipped from it are left out). */
    public static AttributeSplit of(CelebaDataset dataset, FaceAttribute attribute, PackedImages cache) {
        return of(dataset, attribute.celebaName(), cache::contains);
    }

    /**
     * Any attribute column by its header name, keeping only dataset indices that pass {@code keep}. An empty training
     * pool is a BadInputException (nothing to train on).
     */
    public static AttributeSplit of(CelebaDataset dataset, String attribute, IntPredicate keep) {
        AttributeSplit split = collect(dataset, attribute, keep);
        if (split.trainNegatives.length == 0 || split.trainPositives.length == 0) {
            throw BadInputException.at(dataset.layout().attributes(), "the training partition has "
                    + split.trainNegatives.length + " images without and " + split.trainPositives.length + " with "
                    + attribute + "; both are needed to train");
        }
        return split;
    }

    /** For measuring only: the training pool may be empty (a test-only set such as realfaces). */
    public static AttributeSplit forTesting(CelebaDataset dataset, FaceAttribute attribute) {
        return collect(dataset, attribute.celebaName(), i -> true);
    }

    /** As {@link #forTesting(CelebaDataset, FaceAttribute)}, of the images in the cache only. */
    public static AttributeSplit forTesting(CelebaDataset dataset, FaceAttribute attribute, PackedImages cache) {
        return collect(dataset, attribute.celebaName(), cache::contains);
    }

    private static AttributeSplit collect(CelebaDataset dataset, String attribute, IntPredicate keep) {
        int column = dataset.attributes().column(attribute);
        int n = dataset.size();
        int[][] lists = new int[4][n];
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            if (!keep.test(i)) {
                continue;
            }
            Partition p = dataset.partition(i);
            if (p == Partition.VALIDATION) {
                continue;
            }
            int list = (p == Partition.TEST ? 2 : 0) + (dataset.attributes().label(i, column) ? 1 : 0);
            lists[list][counts[list]++] = i;
        }
        return new AttributeSplit(attribute, Arrays.copyOf(lists[0], counts[0]),
                Arrays.copyOf(lists[1], counts[1]), Arrays.copyOf(lists[2], counts[2]),
                Arrays.copyOf(lists[3], counts[3]));
    }

    public String attribute() {
        return attribute;
    }

    /** x0 pool: training images without the attribute. */
    public int[] trainNegatives() {
        return trainNegatives.clone();
    }

    /** x1 pool: training images with the attribute. */
    public int[] trainPositives() {
        return trainPositives.clone();
    }

    public int[] testNegatives() {
        return testNegatives.clone();
    }

    public int[] testPositives() {
        return testPositives.clone();
    }

    /**
     * A balanced test set from partition 2: {@code min(#neg, #pos)} of each class, capped at {@code limitPerClass}
     * when that is positive ({@code <= 0} means no cap). Which images are kept is a seeded shuffle of each class, so
     * the same seed gives the same set; the result is in file order.
     */
    public TestSet balancedTestSet(int limitPerClass, long seed) {
        int n = Math.min(testNegatives.length, testPositives.length);
        if (limitPerClass > 0) {
            n = Math.min(n, limitPerClass);
        }
        return new TestSet(choose(testNegatives, n, Seeds.derive(seed, 0x7E57_0000L, 0, 0)),
                choose(testPositives, n, Seeds.derive(seed, 0x7E57_0000L, 1, 0)));
    }

    private static int[] choose(int[] from, int n, long seed) {
        int[] copy = from.clone();
        Seeds.shuffle(copy, seed);
        int[] chosen = Arrays.copyOf(copy, n);
        Arrays.sort(chosen);
        return chosen;
    }
}
