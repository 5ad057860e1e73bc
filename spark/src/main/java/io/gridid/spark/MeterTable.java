package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Meter readings as one Spark table instead of folders of CSV files: Parquet files (Hive-style
 * {@code feeder_id=<id>} folders, whose partition column Spark discovers, or a {@code feeder_id}
 * column), or a CSV file or folder with a {@code feeder_id} column. The contract's columns are
 * found case-insensitively and handed to each feeder's task as text (numbers in Spark's
 * round-trip form, timestamps as UTC wall-clock times), grouped by feeder.
 */
final class MeterTable {
    /** The contract's columns, in the order the tasks get them; {@code voltage} is v_pu or v_kv. */
    static final List<String> READING_COLUMNS = List.of("timestamp", "meter_id", "voltage", "p_kw", "q_kvar");

    private final Dataset<Row> text;
    private final String voltageColumn;

    private MeterTable(Dataset<Row> text, String voltageColumn) {
        this.text = text;
        this.voltageColumn = voltageColumn;
    }

    /**
     * @param format "parquet" or "csv"
     * @throws InvalidInputException a contract column or {@code feeder_id} is missing, or both voltages are there
     */
    static MeterTable read(SparkSession spark, String meters, String format) throws InvalidInputException {
        Dataset<Row> df;
        try {
            df = spark.read().format(format).option("header", "true").load(meters);
        } catch (Exception e) {
            // Spark throws its (checked, undeclared) AnalysisException for a table it cannot read
            if (!(e instanceof org.apache.spark.sql.AnalysisException a)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            throw new InvalidInputException(meters, 0, "not a readable " + format + " table: " + a.getSimpleMessage());
        }
        Map<String, String> byLower = new HashMap<>();
        for (String c : df.columns()) {
            byLower.put(c.trim().toLowerCase(Locale.ROOT), c);
        }
        boolean pu = byLower.containsKey("v_pu");
        boolean kv = byLower.containsKey("v_kv");
        if (pu == kv) {
            throw new InvalidInputException(meters, 0, pu ? "both v_pu and v_kv columns; give one"
                    : "no v_pu or v_kv column (columns: " + String.join(",", df.columns()) + ")");
        }
        String voltage = pu ? "v_pu" : "v_kv";
        List<Column> cols = new ArrayList<>();
        for (String c : List.of(FleetTables.FEEDER_ID, "timestamp", "meter_id", voltage, "p_kw", "q_kvar")) {
            String actual = byLower.get(c);
            if (actual == null) {
                throw new InvalidInputException(meters, 0, "no " + c + " column (columns: "
                        + String.join(",", df.columns()) + ")");
            }
            cols.add(df.col(actual).cast("string"));
        }
        // a Parquet timestamp becomes text in the session's zone: UTC, as the CSV reader reads a local time
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        return new MeterTable(df.select(cols.toArray(new Column[0])), voltage);
    }

    String voltageColumn() {
        return voltageColumn;
    }

    /** The feeder ids in the table, sorted. */
    List<String> feederIds() {
        return text.select(text.columns()[0]).distinct().sort(text.columns()[0]).javaRDD()
                .map(r -> r.getString(0)).filter(id -> id != null).collect();
    }

    /** Each feeder's readings as text in {@link #READING_COLUMNS} order, in {@code partitions} groups. */
    JavaPairRDD<String, Iterable<String[]>> byFeeder(int partitions) {
        return text.javaRDD().filter(r -> !r.isNullAt(0)).mapToPair(r -> new Tuple2<>(r.getString(0),
                new String[]{r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)}))
                .groupByKey(partitions);
    }
}
