package dev.resface.model;

/** How G's decoder doubles the map size (docs/method.md, 2: the table's order is the default, the others are options). */
public enum Upsampling {
    /** 3x3 conv, then 2x nearest-neighbour upsampling: the paper's table read literally. */
    CONV_THEN_NEAREST,
    /** 2x nearest-neighbour upsampling, then the 3x3 conv (avoids checkerboard patterns, 4x the conv cost). */
    NEAREST_THEN_CONV,
    /** one 4x4 transposed conv with stride 2. */
    TRANSPOSED
}
