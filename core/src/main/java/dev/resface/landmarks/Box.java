package dev.resface.landmarks;

/**
 * A face box in image pixels, as dlib's {@code rectangle(left, top, right, bottom)} with
 * {@code right = left + width - 1} and {@code bottom = top + height - 1}.
 */
public record Box(int left, int top, int width, int height) {
    public Box {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("box must be at least 1x1, got " + width + "x" + height);
        }
    }

    public int right() {
        return left + width - 1;
    }

    public int bottom() {
        return top + height - 1;
    }
}
