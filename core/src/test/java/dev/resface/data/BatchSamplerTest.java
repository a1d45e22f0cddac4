package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {
    private static final int[] POOL = IntStream.range(0, 37).map(i -> 1000 + 3 * i).toArray();

    @Test
    void twoRunsGiveIdenticalBatches() {
        BatchSampler a = new BatchSampler(POOL, 8, 42);
        BatchSampler b = new BatchSampler(POOL, 8, 42);
        for (long k = 0; k < 50; k++) {
            assertThat(a.batch(k)).isEqualTo(b.batch(k));
            assertThat(a.flips(k)).isEqualTo(b.flips(k));
        }
        BatchSampler other = new BatchSampler(POOL, 8, 43);
        assertThat(IntStream.range(0, 10).filter(k -> !Arrays.equals(a.batch(k), other.batch(k))).count())
                .isGreaterThan(5);
    }

    @Test
    void resumingAtIterationKGivesTheSameBatches() {
        BatchSampler uninterrupted = new BatchSampler(POOL, 8, 7);
        List<int[]> run = new ArrayList<>();
        for (long k = 0; k < 40; k++) {
            run.add(uninterrupted.batch(k));
        }
        BatchSampler resumed = new BatchSampler(POOL, 8, 7); // fresh: no earlier iterations requested
        for (long k = 25; k < 40; k++) {
            assertThat(resumed.batch(k)).as("iteration %d", k).isEqualTo(run.get((int) k));
        }
        // Random access order does not matter either.
        BatchSampler jumping = new BatchSampler(POOL, 8, 7);
        for (long k : new long[] {39, 3, 17, 0, 38, 3}) {
            assertThat(jumping.batch(k)).isEqualTo(run.get((int) k));
        }
        assertThat(new BatchSampler(POOL, 8, 7).flip(31, 5)).isEqualTo(uninterrupted.flip(31, 5));
    }

    @Test
    void everyPoolElementAppearsExactlyOncePerEpoch() {
        int batch = 8; // 37 is not a multiple of 8: batches straddle epochs
        BatchSampler s = new BatchSampler(POOL, batch, 3);
        int epochs = 5;
        int iterations = (POOL.length * epochs + batch - 1) / batch;
        int[] stream = new int[iterations * batch];
        for (int k = 0; k < iterations; k++) {
            System.arraycopy(s.batch(k), 0, stream, k * batch, batch);
        }
        int[] sortedPool = POOL.clone();
        Arrays.sort(sortedPool);
        List<int[]> orders = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            int[] epoch = Arrays.copyOfRange(stream, e * POOL.length, (e + 1) * POOL.length);
            orders.add(epoch.clone());
            Arrays.sort(epoch);
            assertThat(epoch).as("epoch %d", e).isEqualTo(sortedPool);
        }
        assertThat(orders.get(0)).isNotEqualTo(orders.get(1)); // reshuffled every epoch
        assertThat(orders.get(0)).isNotEqualTo(POOL); // and actually shuffled
        assertThat(s.epochOf(4)).isEqualTo(0);
        assertThat(s.epochOf(5)).isEqualTo(1); // 40 / 37
    }

    @Test
    void flipsAreAFairStatelessCoin() {
        BatchSampler s = new BatchSampler(POOL, 16, 11);
        int heads = 0;
        for (long k = 0; k < 500; k++) {
            boolean[] f = s.flips(k);
            for (int j = 0; j < f.length; j++) {
                assertThat(f[j]).isEqualTo(s.flip(k, j));
                heads += f[j] ? 1 : 0;
            }
        }
        assertThat(heads).isBetween(3700, 4300); // 8000 coins
    }
}
