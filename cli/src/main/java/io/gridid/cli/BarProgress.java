package io.gridid.cli;

import io.gridid.pipeline.GrididStages;
import io.gridid.pipeline.IdentifyPipeline;
import io.gridid.pipeline.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on a terminal: the command, the phase (stage 1's topology or
 * likelihood search with its round, stage 2's impedance fits) with its count once one is known,
 * and the elapsed time, redrawn every second from the start, so a long stage 1 that reports no
 * count still shows it is alive. {@link #close()} leaves the last line and ends it.
 */
final class BarProgress implements ProgressListener, AutoCloseable {
    private static final long REDRAW_MS = 1000;

    private final PrintWriter err;
    private final String command;
    private final String otherUnit;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private String phase;
    private String unit = "";
    private int done = -1;
    private int total = -1;
    private int lastWidth;

    /** Starts drawing at once, then every second, on {@code err}. */
    BarProgress(PrintWriter err, String command, String firstPhase) {
        this(err, command, firstPhase, "steps");
    }

    /** The same, counting {@code otherUnit} (e.g. "cases") for phases that are not the pipeline's own. */
    BarProgress(PrintWriter err, String command, String firstPhase, String otherUnit) {
        this.err = err;
        this.command = command;
        this.otherUnit = otherUnit;
        this.phase = firstPhase;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gridid-progress");
            t.setDaemon(true);
            return t;
        });
        draw();
        ticker.scheduleAtFixedRate(this::draw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stepDone(String label, int stepsDone, int steps) {
        if (label.equals(IdentifyPipeline.TOPOLOGY)) {
            // stage 1 is over; stage 2 fits that many branches
            phase = "stage 2, impedance";
            unit = "branches fitted";
        } else if (label.startsWith(GrididStages.LIKELIHOOD_SEARCH)) {
            phase = "stage 1, " + label;
            unit = "candidate trees scored";
        } else if (label.equals(IdentifyPipeline.IMPEDANCE)) {
            phase = "stage 2, impedance";
            unit = "branches fitted";
        } else {
            phase = label;
            unit = otherUnit;
        }
        done = stepsDone;
        total = steps;
    }

    private synchronized void draw() {
        String s = line(command, phase, done, total, unit, (System.nanoTime() - startNanos) / 1_000_000_000L);
        int pad = Math.max(0, lastWidth - s.length());
        err.print("\r" + s + " ".repeat(pad));
        err.flush();
        lastWidth = s.length();
    }

    /** The display text (no carriage return). */
    static String line(String command, String phase, int done, int total, String unit, long seconds) {
        StringBuilder b = new StringBuilder("gridid ").append(command).append(": ").append(phase);
        if (done >= 0 && total > 0) {
            b.append(String.format(Locale.ROOT, ": %d/%d %s (%d %%)", done, total, unit, 100L * done / total));
        }
        return b.append(String.format(Locale.ROOT, " | %d:%02d elapsed", seconds / 60, seconds % 60)).toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        err.println();
        err.flush();
    }
}
