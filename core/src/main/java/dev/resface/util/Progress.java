package dev.resface.util;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one kind of progress bar every long job shows, on stderr. On a terminal it redraws in place twice a second; in a
 * log (no console) it writes a plain line every {@link #LOG_INTERVAL_MS}, so logs do not fill with carriage-return
 * redraws, and its final line once ({@link LogLines}).
 */
public final class Progress implements AutoCloseable {
    static final int LOG_INTERVAL_MS = 15_000;
    private static final int LOG_LINE_WIDTH = 120;

    private final ProgressBar bar;
    private final LogLines log; // null on a terminal

    private Progress(ProgressBar bar, LogLines log) {
        this.bar = bar;
        this.log = log;
    }

    public static Progress bar(String task, long total) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .continuousUpdate();
        if (System.console() != null) {
            return new Progress(b.setUpdateIntervalMillis(500).build(), null);
        }
        LogLines log = new LogLines(line -> System.err.println(line), LOG_LINE_WIDTH);
        return new Progress(b.setUpdateIntervalMillis(LOG_INTERVAL_MS).setConsumer(log).build(), log);
    }

    public void step() {
        bar.step();
    }

    public void stepTo(long done) {
        bar.stepTo(done);
    }

    /** Text shown after the bar, e.g. the latest loss. */
    public void setExtraMessage(String message) {
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        if (log == null) {
            bar.close();
            return;
        }
        log.closing();
        bar.close();
        log.printLast();
    }
}
