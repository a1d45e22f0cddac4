package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.AttributeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeCorrelationTest {
    @Test
    void handComputedPearson(@TempDir Path dir) throws Exception {
        // A = (1 1 1 -1 -1 -1), B = (1 1 -1 -1 -1 -1): mean A 0, mean B -1/3, E[AB] = 4/6, var A 1, var B 8/9,
        // so r = (2/3) / sqrt(8/9) = 1/sqrt(2). D = -A gives -1 with A; C never changes (no correlation).
        Path file = Files.writeString(dir.resolve("list_attr_celeba.txt"), """
                6
                A B C D
                1.jpg  1  1  1 -1
                2.jpg  1  1  1 -1
                3.jpg  1 -1  1 -1
                4.jpg -1 -1  1  1
                5.jpg -1 -1  1  1
                6.jpg -1 -1  1  1
                """);
        AttributeCorrelation c = AttributeCorrelation.of(AttributeTable.read(file));
        assertThat(c.get("A", "B")).isCloseTo(1 / Math.sqrt(2), within(1e-12));
        assertThat(c.get("B", "A")).isEqualTo(c.get("A", "B"));
        assertThat(c.get("A", "D")).isCloseTo(-1, within(1e-12));
        assertThat(c.get("A", "A")).isCloseTo(1, within(1e-12));
        assertThat(c.get("A", "C")).isNaN();
        // B vs D = -(A vs B)
        assertThat(c.get("B", "D")).isCloseTo(-1 / Math.sqrt(2), within(1e-12));
        assertThat(c.strongest(2)).extracting(AttributeCorrelation.Pair::r)
                .containsExactly(-1.0, 1 / Math.sqrt(2));
        assertThat(c.strongest(10)).hasSize(3); // pairs with C are left out
    }
}
