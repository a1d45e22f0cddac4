package dev.resface.data;

/**
 * Stateless training batches from a pool: batch {@code k} is a pure function of (pool, batch size, seed, k), so a run
 * resumed at iteration k sees exactly the batches an uninterrupted run would, with nothing to checkpoint.
 *
 * <p>The pool is read as an endless stream of epochs; epoch e is the pool permuted by a shuffle seeded with
 * (seed, e). Batch k is stream positions {@code k*batchSize .. k*batchSize+batchSize-1}, so element position p is in
 * epoch {@code p / poolSize} at offset {@code p % poolSize}; a batch may straddle two epochs. Every pool element
 * appears exactly once per epoch. Thread-safe; the last two epoch permutations are memoised.
 */
public final class BatchSampler {
    private static final long SHUFFLE_SALT = 0x5A3B_1E00L;
    private static final long FLIP_SALT = 0xF11B_0000L;

    private final int[] pool;
    private final int batchSize;
    private final long seed;
    private long cachedEpochA = -1;
    private int[] cachedPermA;
    private long cachedEpochB = -1;
    private int[] cachedPermB;

    public BatchSampler(int[] pool, int batchSize, long seed) {
        if (pool.length == 0) {
            throw new IllegalArgumentException("empty pool");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.pool = pool.clone();
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int poolSize() {
        return pool.length;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The pool elements of batch {@code iteration} (iteration >= 0). */
    public int[] batch(long iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration " + iteration);
        }
        int[] out = new int[batchSize];
        long start = Math.multiplyExact(iteration, batchSize);
        for (int j = 0; j < batchSize; j++) {
            long p = start + j;
            out[j] = epoch(p / pool.length)[(int) (p % pool.length)];
        }
        return out;
    }

    /** The epoch batch {@code iteration} starts in. */
    public long epochOf(long iteration) {
        return Math.multiplyExact(iteration, batchSize) / pool.length;
    }

    /** Whether to mirror slot {@code slot} of batch {@code iteration} horizontally: a fair, stateless coin. */
    public boolean flip(long iteration, int slot) {
        return (Seeds.derive(seed, FLIP_SALT, iteration, slot) & 1L) != 0;
    }

    /** {@link #flip} for every slot of batch {@code iteration}. */
    public boolean[] flips(long iteration) {
        boolean[] out = new boolean[batchSize];
        for (int j = 0; j < batchSize; j++) {
            out[j] = flip(iteration, j);
        }
        return out;
    }

    /** The pool permuted for epoch {@code e}. */
    public synchronized int[] epoch(long e) {
        if (e == cachedEpochA) {
            return cachedPermA;
        }
        if (e == cachedEpochB) {
            return cachedPermB;
        }
        int[] perm = pool.clone();
        Seeds.shuffle(perm, Seeds.derive(seed, SHUFFLE_SALT, e, 0));
        cachedEpochB = cachedEpochA;
        cachedPermB = cachedPermA;
        cachedEpochA = e;
        cachedPermA = perm;
        return perm;
    }
}
