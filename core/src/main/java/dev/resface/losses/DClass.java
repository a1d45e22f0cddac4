package dev.resface.losses;

/** D's three classes (docs/method.md, 3). The only place their indices are written down. */
public enum DClass {
    REAL_NEGATIVE(0),
    REAL_POSITIVE(1),
    GENERATED(2);

    private final int index;

    DClass(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Real faces with the attribute, or without it. */
    public static DClass realFaces(boolean withAttribute) {
        return withAttribute ? REAL_POSITIVE : REAL_NEGATIVE;
    }
}
