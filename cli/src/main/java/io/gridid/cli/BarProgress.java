package io.gridid.cli;

import io.gridid.reports.ProgressListener;
import me.tongfei.progressbar.ProgressBar;

/** A {@link ProgressListener} that moves a terminal progress bar: step, total and the step's label. */
final class BarProgress implements ProgressListener {
    private final ProgressBar bar;

    BarProgress(ProgressBar bar) {
        this.bar = bar;
    }

    @Override
    public void stepDone(String label, int done, int total) {
        bar.maxHint(total);
        bar.stepTo(done);
        bar.setExtraMessage(label);
    }
}
