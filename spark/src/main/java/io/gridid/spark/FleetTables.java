package io.gridid.spark;

import io.gridid.model.io.BranchCsvWriter;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import io.gridid.reports.BranchColumns;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet's output tables: the single feeder's {@code branches.csv} and {@code topology.csv}
 * columns (data contract) with {@code feeder_id} in front, typed for Parquet, and the
 * {@code status} table. {@code branches} and {@code topology} are written partitioned by
 * {@code feeder_id}, so inside a partition folder their columns are exactly the single feeder's.
 */
public final class FleetTables {
    public static final String FEEDER_ID = "feeder_id";
    public static final String BRANCHES_DIR = "branches";
    public static final String TOPOLOGY_DIR = "topology";
    public static final String STATUS_DIR = "status";
    public static final String SUMMARY_JSON = "summary.json";

    /** Text columns among gridid's further branch columns; every other known one is a number. */
    private static final Map<String, DataType> BRANCH_TYPES = Map.of(
            BranchColumns.CONDUCTOR, DataTypes.StringType,
            BranchColumns.NOTE, DataTypes.StringType,
            BranchColumns.POLISHED, DataTypes.BooleanType,
            BranchColumns.INTERVALS_USED, DataTypes.IntegerType);

    /** {@code feeder_id}, the contract's four columns, then {@link BranchColumns#ALL}. */
    public static final StructType BRANCHES = branchSchema();

    /** {@code feeder_id, from_bus, to_bus, confidence, evidence} (the contract's topology.csv). */
    public static final StructType TOPOLOGY = new StructType()
            .add(FEEDER_ID, DataTypes.StringType, false)
            .add("from_bus", DataTypes.StringType, false)
            .add("to_bus", DataTypes.StringType, false)
            .add(BranchColumns.CONFIDENCE, DataTypes.DoubleType, true)
            .add("evidence", DataTypes.DoubleType, true);

    /** One row per feeder: how it ended, its size and time, and how sure its result is. */
    public static final StructType STATUS = new StructType()
            .add(FEEDER_ID, DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false)
            .add("buses", DataTypes.IntegerType, true)
            .add("intervals", DataTypes.IntegerType, true)
            .add("seconds", DataTypes.DoubleType, false)
            .add("branches", DataTypes.IntegerType, false)
            .add("mean_confidence", DataTypes.DoubleType, true)
            .add("min_confidence", DataTypes.DoubleType, true)
            .add("warnings", DataTypes.IntegerType, false)
            .add("f1", DataTypes.DoubleType, true)
            .add("warning_codes", DataTypes.StringType, false);

    private FleetTables() {
    }

    private static StructType branchSchema() {
        StructType s = new StructType().add(FEEDER_ID, DataTypes.StringType, false);
        for (String c : BranchCsvWriter.CONTRACT_COLUMNS) {
            boolean bus = c.endsWith("_bus");
            s = s.add(c, bus ? DataTypes.StringType : DataTypes.DoubleType, !bus);
        }
        for (String c : BranchColumns.ALL) {
            s = s.add(c, BRANCH_TYPES.getOrDefault(c, DataTypes.DoubleType), true);
        }
        return s;
    }

    /** The identified branches of one feeder as rows of {@link #BRANCHES}. */
    static List<Row> branchRows(String feederId, IdentificationResult result) {
        List<Row> rows = new ArrayList<>(result.branches().size());
        StructField[] fields = BRANCHES.fields();
        for (IdentifiedBranch branch : result.branches()) {
            BranchRow b = BranchColumns.row(branch); // the columns as branches.csv names them
            Object[] values = new Object[fields.length];
            values[0] = feederId;
            values[1] = b.fromBus();
            values[2] = b.toBus();
            values[3] = nullIfNaN(b.rOhm());
            values[4] = nullIfNaN(b.xOhm());
            for (int i = 5; i < fields.length; i++) {
                values[i] = typed(b.extra().get(fields[i].name()), fields[i].dataType());
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    /** The identified topology of one feeder as rows of {@link #TOPOLOGY}, top-down. */
    static List<Row> topologyRows(String feederId, IdentificationResult result) {
        List<Row> rows = new ArrayList<>(result.branches().size());
        for (IdentifiedBranch b : result.branches()) {
            rows.add(RowFactory.create(feederId, b.fromBus(), b.toBus(), nullIfNaN(result.confidenceOf(b.toBus())),
                    nullIfNaN(result.evidenceOf(b.toBus()))));
        }
        return rows;
    }

    static Row statusRow(FeederOutcome o) {
        return RowFactory.create(o.feederId(), o.status().label(), o.message(), o.buses(), o.intervals(),
                o.seconds(), o.branchCount(), o.meanConfidence(), o.minConfidence(), o.warnings(), o.f1(),
                o.warningCodes());
    }

    private static Object typed(String text, DataType type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (type == DataTypes.StringType) {
            return text;
        }
        if (type == DataTypes.BooleanType) {
            return Boolean.parseBoolean(text.trim());
        }
        double v = BranchColumns.parse(text);
        if (Double.isNaN(v)) {
            return null;
        }
        return type == DataTypes.IntegerType ? (Object) (int) Math.round(v) : (Object) v;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
