package dev.resface.util;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one place progress bars are made, so every long job looks the same and writes to stderr. On a terminal the bar
 * redraws in place twice a second; in a log (no console) it writes a plain line every {@link #LOG_INTERVAL_MS}, so
 * logs do not fill with carriage-return redraws.
 */
public final class Progress {
    static final int LOG_INTERVAL_MS = 15_000;
    private static final int LOG_LINE_WIDTH = 120;

    private Progress() {}

    public static ProgressBar bar(String task, long total) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .continuousUpdate();
        if (System.console() != null) {
            return b.setUpdateIntervalMillis(500).build();
        }
        return b.setUpdateIntervalMillis(LOG_INTERVAL_MS)
                .setConsumer(new DelegatingProgressBarConsumer(line -> System.err.println(line.strip()),
                        LOG_LINE_WIDTH))
                .build();
    }
}
