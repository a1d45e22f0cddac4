package dev.resface.data;

/** An image left out of a packed cache because it is missing, unreadable or not 178x218. */
public record SkippedImage(int datasetIndex, String name, String reason) {
    @Override
    public String toString() {
        return name + " (" + reason + ")";
    }
}
