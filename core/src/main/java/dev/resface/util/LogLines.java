package dev.resface.util;

import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar's lines in a log, one whole line each. progressbar 0.10.1 renders the final state twice when a bar
 * closes (ProgressUpdateAction.run refreshes, as continuous update asks, then force-refreshes because the bar is
 * done); a terminal redraws the second over the first, a log would show both. So once {@link #closing()} is called,
 * lines are only kept, and {@link #printLast()} prints the newest, once the bar is closed.
 */
final class LogLines implements ProgressBarConsumer {
    private final Consumer<String> out;
    private final int width;
    private volatile boolean closing;
    private volatile String last;

    LogLines(Consumer<String> out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
        return width;
    }

    @Override
    public void accept(String line) {
        if (closing) {
            last = line;
        } else {
            out.accept(line.strip());
        }
    }

    void closing() {
        closing = true;
    }

    void printLast() {
        if (last != null) {
            out.accept(last.strip());
            last = null;
        }
    }

    @Override
    public void close() {
        // The library calls this inside its final refresh; printLast() follows it.
    }
}
