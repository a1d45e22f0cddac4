package dev.resface.data;

/** CelebA's evaluation split, as numbered in list_eval_partition.txt. */
public enum Partition {
    TRAIN(0),
    VALIDATION(1),
    TEST(2);

    private final int code;

    Partition(int code) {
        this.code = code;
    }

    /** 0, 1 or 2, the number in list_eval_partition.txt. */
    public int code() {
        return code;
    }

    /** The partition for a code, or null if it is not 0, 1 or 2. */
    static Partition ofCode(int code) {
        return code >= 0 && code < 3 ? values()[code] : null;
    }
}
