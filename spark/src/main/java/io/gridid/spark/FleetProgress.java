package io.gridid.spark;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Progress per feeder on the driver, wherever the tasks run: each task adds its feeders'
 * outcomes (without their rows) to a named accumulator, and this listener prints them as the
 * tasks end: {@code [ 3/40] F03 ok 69 buses x 2160 intervals 1.23 s} or the failure's line.
 */
final class FleetProgress extends SparkListener {
    /** The accumulator's name (Spark reports updates of named accumulators only). */
    static final String ACCUMULATOR = "gridid-fleet feeders";

    private final int total;
    private final Consumer<String> out;
    private int done;

    FleetProgress(int total, Consumer<String> out) {
        this.total = total;
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Waits until every feeder was shown, or the time is up. */
    synchronized void awaitAll(long millis) {
        long end = System.currentTimeMillis() + millis;
        try {
            while (done < total && System.currentTimeMillis() < end) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        for (AccumulableInfo info : CollectionConverters.asJava(taskEnd.taskInfo().accumulables())) {
            if (info.name().isDefined() && ACCUMULATOR.equals(info.name().get()) && info.update().isDefined()
                    && info.update().get() instanceof List<?> outcomes) {
                for (Object o : outcomes) {
                    if (o instanceof FeederOutcome f) {
                        out.accept(line(++done, total, f));
                    }
                    notifyAll();
                }
            }
        }
    }

    static String line(int k, int total, FeederOutcome f) {
        int width = Integer.toString(total).length();
        String head = String.format(Locale.ROOT, "[%" + width + "d/%d] %s %s", k, total, f.feederId(), f.status().label());
        if (f.status() == FeederStatus.OK) {
            return head + String.format(Locale.ROOT, " %d buses x %d intervals, %.2f s", f.buses(), f.intervals(),
                    f.seconds()) + (f.f1() == null ? "" : String.format(Locale.ROOT, ", F1 %.3f", f.f1()));
        }
        return head + ": " + f.message();
    }
}
