package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeSplitTest {
    @TempDir
    Path root;

    @Test
    void trainPoolsHoldPartitionZeroByLabel() throws IOException {
        CelebaDataset d = CelebaDataset.open(CelebaFixture.writeDataset(root, 60, false, false));
        AttributeSplit s = AttributeSplit.of(d, FaceAttribute.SMILING);
        // Fixture: Smiling = i odd; train = i % 5 in {0,1,2}.
        int[] negatives = IntStream.range(0, 60).filter(i -> i % 5 <= 2 && i % 2 == 0).toArray();
        int[] positives = IntStream.range(0, 60).filter(i -> i % 5 <= 2 && i % 2 == 1).toArray();
        assertThat(s.trainNegatives()).isEqualTo(negatives);
        assertThat(s.trainPositives()).isEqualTo(positives);
        assertThat(s.testPositives()).isEqualTo(IntStream.range(0, 60).filter(i -> i % 5 == 4 && i % 2 == 1)
                .toArray());
    }

    @Test
    void balancedTestSetHasEqualClassesFromPartitionTwoOnly() throws IOException {
        CelebaDataset d = CelebaDataset.open(CelebaFixture.writeDataset(root, 200, false, false));
        // Eyeglasses = i % 4 == 0: among test images (i % 5 == 4) 10 positives, 30 negatives.
        AttributeSplit s = AttributeSplit.of(d, FaceAttribute.EYEGLASSES);
        assertThat(s.testPositives()).hasSize(10);
        assertThat(s.testNegatives()).hasSize(30);
        AttributeSplit.TestSet t = s.balancedTestSet(0, 5);
        assertThat(t.perClass()).isEqualTo(10);
        assertThat(t.positives()).isEqualTo(s.testPositives());
        assertThat(t.negatives()).hasSize(10).isSorted().doesNotHaveDuplicates();
        for (int i : t.negatives()) {
            assertThat(d.partition(i)).isEqualTo(Partition.TEST);
            assertThat(d.label(i, FaceAttribute.EYEGLASSES)).isFalse();
        }
        for (int i : t.positives()) {
            assertThat(d.partition(i)).isEqualTo(Partition.TEST);
            assertThat(d.label(i, FaceAttribute.EYEGLASSES)).isTrue();
        }
        // Deterministic by seed; another seed picks other negatives.
        assertThat(s.balancedTestSet(0, 5).negatives()).isEqualTo(t.negatives());
        assertThat(s.balancedTestSet(0, 6).negatives()).isNotEqualTo(t.negatives());
        // Capped by a limit per class.
        AttributeSplit.TestSet capped = s.balancedTestSet(4, 5);
        assertThat(capped.negatives()).hasSize(4);
        assertThat(capped.positives()).hasSize(4);
        assertThat(s.testPositives()).contains(capped.positives());
    }

    @Test
    void keepsOnlyCachedImages() throws IOException {
        CelebaDataset d = CelebaDataset.open(CelebaFixture.writeDataset(root, 60, false, false));
        AttributeSplit s = AttributeSplit.of(d, "Smiling", i -> i != 1 && i != 2);
        assertThat(s.trainPositives()).doesNotContain(1);
        assertThat(s.trainNegatives()).doesNotContain(2).contains(0);
        assertThat(Arrays.stream(s.trainPositives()).allMatch(i -> i % 2 == 1)).isTrue();
    }

    @Test
    void emptyPoolIsAnError() throws IOException {
        CelebaDataset d = CelebaDataset.open(CelebaFixture.writeDataset(root, 3, false, false));
        // Train images 0,1,2: Male = i % 3 == 0 -> one positive, two negatives; Eyeglasses: only 0. Drop 0.
        assertThatThrownBy(() -> AttributeSplit.of(d, "Male", i -> i != 0)).isInstanceOf(BadInputException.class)
                .hasMessage(root.resolve(CelebaLayout.ATTRIBUTES) + ": the training partition has 2 images without"
                        + " and 0 with Male; both are needed to train");
    }
}
