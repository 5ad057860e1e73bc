package io.gridid.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridid.model.GrididException;
import io.gridid.model.InvalidInputException;
import io.gridid.model.Warning;
import io.gridid.model.WarningCode;
import io.gridid.model.io.BranchRow;
import io.gridid.pipeline.IdentificationDiagnostics;
import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.Score;
import io.gridid.pipeline.Scoring;
import io.gridid.pipeline.StageStatus;

import io.gridid.impedance.JointRefinementReport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the same content as the HTML report, for machines. Top-level fields:
 * {@code format} ("gridid-report"), {@code version} (1), {@code root_bus}, {@code base_kv},
 * {@code diagnostics}, {@code stage_seconds}, {@code stage_status} (stage &rarr; {@link StageStatus}
 * name, when known), {@code joint_refinement} (when recorded: {@code status}, a
 * {@link JointRefinementReport.Status} name, and per pass that ran, {@code free} and {@code lengths},
 * its {@code pooled}, {@code solver}, {@code iterations}, {@code rejected_readings},
 * {@code voltage_noise_variance_kv4}, {@code readings}, {@code intervals} and
 * {@code sum_of_squares_kv4}), {@code warnings} (their texts),
 * {@code warning_details} (the same warnings in the same order, each {@code code} ({@link WarningCode}
 * name), {@code subjects} (the ids it names) and {@code text}), {@code branches} (objects with
 * {@code from_bus}, {@code to_bus}, {@code r_ohm}, {@code x_ohm} and the further
 * {@link BranchColumns}, numbers as JSON numbers), {@code confidence} (child bus &rarr; value),
 * {@code hidden_buses} (ids of the buses without a meter, top-down; docs/hidden-junctions.md),
 * {@code mean_voltage_pu} (bus &rarr; p.u.), and with a truth {@code truth} (same branch form) and
 * {@code score}. Units as in the field names; NaN is written as null.
 */
public final class ReportJson {
    public static final String FORMAT = "gridid-report";
    public static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as JSON text. */
    public String write(IdentificationResult r) throws GrididException {
        return write(r, Map.of());
    }

    /**
     * The report as JSON text with a manifest, {@code "files"}: the SHA-256 (hex) of each file of the
     * result folder that belongs with this report, by name.
     */
    public String write(IdentificationResult r, Map<String, String> manifest) throws GrididException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("root_bus", r.rootBus());
        putNumber(root, "base_kv", r.baseKv());
        IdentificationDiagnostics d = r.diagnostics();
        ObjectNode dn = root.putObject("diagnostics");
        dn.put("topology_method", d.topologyMethod());
        dn.put("regression_path", d.regressionPath());
        putNumber(dn, "condition_number", d.conditionNumber());
        dn.put("meter_count", d.meterCount());
        dn.put("interval_count", d.intervalCount());
        dn.put("intervals_used", d.intervalsUsed());
        dn.put("missing_readings", d.missingReadings());
        if (d.hasPeriod()) {
            dn.put("first_timestamp", java.time.Instant.ofEpochSecond(d.firstEpochSecond()).toString());
            dn.put("last_timestamp", java.time.Instant.ofEpochSecond(d.lastEpochSecond()).toString());
        }
        dn.put("interval_seconds", d.stepSeconds());
        ObjectNode sn = root.putObject("stage_seconds");
        r.stageSeconds().forEach((k, v) -> putNumber(sn, k, v));
        if (!r.stageStatus().isEmpty()) {
            ObjectNode ss = root.putObject("stage_status");
            r.stageStatus().forEach((k, v) -> ss.put(k, v.name()));
        }
        if (r.jointRefinement().status() != JointRefinementReport.Status.NOT_RECORDED) {
            ObjectNode jn = root.putObject("joint_refinement");
            jn.put("status", r.jointRefinement().status().name());
            pass(jn, "free", r.jointRefinement().free());
            pass(jn, "lengths", r.jointRefinement().lengths());
        }
        ArrayNode wn = root.putArray("warnings");
        r.warnings().forEach(w -> wn.add(w.text()));
        ArrayNode wd = root.putArray("warning_details"); // the same warnings, in the same order, typed
        for (Warning w : r.warnings()) {
            ObjectNode o = wd.addObject();
            o.put("code", w.code().name());
            ArrayNode subjects = o.putArray("subjects");
            w.subjects().forEach(subjects::add);
            o.put("text", w.text());
        }
        branches(root.putArray("branches"), r.branches().stream().map(BranchColumns::row).toList());
        ObjectNode cn = root.putObject("confidence");
        r.confidence().forEach((k, v) -> putNumber(cn, k, v));
        ObjectNode en = root.putObject("evidence");
        r.evidence().forEach((k, v) -> putNumber(en, k, v));
        ArrayNode hn = root.putArray("hidden_buses"); // buses without a meter (docs/hidden-junctions.md)
        r.hiddenBuses().forEach(hn::add);
        ObjectNode vn = root.putObject("mean_voltage_pu");
        r.meanVoltagePu().forEach((k, v) -> putNumber(vn, k, v));
        if (r.hasTruth()) {
            branches(root.putArray("truth"), r.truth());
            Score s = new Scoring().score(r.contractRows(), r.truth());
            ObjectNode sc = root.putObject("score");
            sc.put("result_branches", s.resultBranches());
            sc.put("truth_branches", s.truthBranches());
            sc.put("matched", s.matched().size());
            putNumber(sc, "precision", s.precision());
            putNumber(sc, "recall", s.recall());
            putNumber(sc, "f1", s.f1());
            putNumber(sc, "r_rel_error_median", s.rRelErrorMedian());
            putNumber(sc, "r_rel_error_p90", s.rRelErrorP90());
            putNumber(sc, "x_rel_error_median", s.xRelErrorMedian());
            putNumber(sc, "x_rel_error_p90", s.xRelErrorP90());
            ArrayNode mis = sc.putArray("missing");
            s.missing().forEach(p -> mis.addArray().add(p.first()).add(p.second()));
            ArrayNode ext = sc.putArray("extra");
            s.extra().forEach(p -> ext.addArray().add(p.first()).add(p.second()));
        }
        if (!manifest.isEmpty()) {
            ObjectNode fn = root.putObject("files");
            manifest.forEach(fn::put);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** The manifest of a report's text (file name to SHA-256 hex; empty when it has none). */
    public Map<String, String> manifest(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            JsonNode root = mapper.readTree(json);
            if (root != null) {
                root.path("files").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            // read() words it
        }
        return m;
    }

    /**
     * Reads a report back.
     *
     * @param fileName the file's name for messages
     * @throws InvalidInputException if the text is not a gridid report
     */
    public IdentificationResult read(String json, String fileName) throws GrididException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fileName, 0, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidInputException(fileName, 0, "not a gridid report (format is not \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new InvalidInputException(fileName, 0, "unsupported report version " + root.path("version").asText());
        }
        double baseKv = number(root.path("base_kv"));
        if (!(baseKv > 0 && baseKv < Double.POSITIVE_INFINITY)) {
            throw new InvalidInputException(fileName, 0, "base_kv " + root.path("base_kv").asText()
                    + " is not a positive number of kV");
        }
        JsonNode dn = root.path("diagnostics");
        IdentificationDiagnostics d = new IdentificationDiagnostics(dn.path("topology_method").asText("n/a"),
                dn.path("regression_path").asText("n/a"), number(dn.path("condition_number")),
                dn.path("meter_count").asInt(), dn.path("interval_count").asInt(), dn.path("intervals_used").asInt(),
                dn.path("missing_readings").asLong(), epochSecond(dn.path("first_timestamp")),
                epochSecond(dn.path("last_timestamp")), dn.path("interval_seconds").asLong(0));
        List<Warning> warnings = warnings(root);
        try {
            return new IdentificationResult(root.path("root_bus").asText(), number(root.path("base_kv")),
                    readBranches(root.path("branches")).stream().map(BranchColumns::branch).toList(),
                    numbers(root.path("confidence")), d,
                    numbers(root.path("mean_voltage_pu")), warnings, numbers(root.path("stage_seconds")),
                    readBranches(root.path("truth")), statuses(root.path("stage_status")),
                    jointRefinement(root.path("joint_refinement")), numbers(root.path("evidence")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(fileName, 0, e.getMessage());
        }
    }

    private static void pass(ObjectNode parent, String name, JointRefinementReport.Pass p) {
        if (p == null) {
            return;
        }
        ObjectNode o = parent.putObject(name);
        o.put("pooled", p.pooled());
        o.put("solver", p.solver().name());
        o.put("iterations", p.iterations());
        o.put("rejected_readings", p.rejectedReadings());
        putNumber(o, "voltage_noise_variance_kv4", p.voltageNoiseVariance());
        o.put("readings", p.readings());
        o.put("intervals", p.intervals());
        putNumber(o, "sum_of_squares_kv4", p.sumOfSquares());
    }

    /** The joint refinement's record; NOT_RECORDED when absent or written by a gridid that named things otherwise. */
    private static JointRefinementReport jointRefinement(JsonNode node) {
        JointRefinementReport.Status status = named(JointRefinementReport.Status.class, node.path("status").asText());
        if (status == null || status == JointRefinementReport.Status.NOT_RECORDED) {
            return JointRefinementReport.NOT_RECORDED;
        }
        try {
            return new JointRefinementReport(status, pass(node.path("free")), pass(node.path("lengths")));
        } catch (IllegalArgumentException e) { // passes that do not fit the status
            return JointRefinementReport.NOT_RECORDED;
        }
    }

    /** A pass, or null when absent or its solver is unknown. */
    private static JointRefinementReport.Pass pass(JsonNode n) {
        JointRefinementReport.Solver solver = named(JointRefinementReport.Solver.class, n.path("solver").asText());
        if (!n.isObject() || solver == null) {
            return null;
        }
        return new JointRefinementReport.Pass(n.path("pooled").asBoolean(), solver, n.path("iterations").asInt(),
                n.path("rejected_readings").asInt(), number(n.path("voltage_noise_variance_kv4")),
                n.path("readings").asLong(), n.path("intervals").asLong(), number(n.path("sum_of_squares_kv4")));
    }

    /** The constant of {@code type} named {@code name}, or null (a name a newer or older gridid wrote). */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The stage statuses; an unknown name (a newer gridid's) is left out. */
    private static Map<String, StageStatus> statuses(JsonNode node) {
        Map<String, StageStatus> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            StageStatus s = named(StageStatus.class, e.getValue().asText());
            if (s != null) {
                out.put(e.getKey(), s);
            }
        });
        return out;
    }

    /**
     * The warnings: from {@code warning_details} when it matches {@code warnings}, else the texts alone
     * as {@link WarningCode#UNCLASSIFIED} (a report written before codes were recorded); an unknown code
     * is read as UNCLASSIFIED with its subjects.
     */
    private static List<Warning> warnings(JsonNode root) {
        JsonNode texts = root.path("warnings");
        JsonNode details = root.path("warning_details");
        List<Warning> out = new ArrayList<>();
        boolean typed = details.isArray() && details.size() == texts.size();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).asText();
            JsonNode d = typed ? details.get(i) : null;
            if (d == null || !text.equals(d.path("text").asText())) {
                out.add(Warning.of(WarningCode.UNCLASSIFIED, text));
                continue;
            }
            List<String> subjects = new ArrayList<>();
            d.path("subjects").forEach(s -> subjects.add(s.asText()));
            out.add(new Warning(code(d.path("code").asText()), text, subjects));
        }
        return out;
    }

    private static WarningCode code(String name) {
        WarningCode c = named(WarningCode.class, name);
        return c == null ? WarningCode.UNCLASSIFIED : c;
    }

    private static void branches(ArrayNode a, List<BranchRow> rows) {
        for (BranchRow b : rows) {
            ObjectNode o = a.addObject();
            o.put("from_bus", b.fromBus());
            o.put("to_bus", b.toBus());
            putNumber(o, "r_ohm", b.rOhm());
            putNumber(o, "x_ohm", b.xOhm());
            for (Map.Entry<String, String> e : b.extra().entrySet()) {
                String text = e.getValue();
                double v = BranchColumns.parse(text);
                if (text == null || text.isEmpty()) {
                    o.putNull(e.getKey());
                } else if (Double.isFinite(v)) {
                    o.put(e.getKey(), v);
                } else {
                    o.put(e.getKey(), text);
                }
            }
        }
    }

    private static List<BranchRow> readBranches(JsonNode a) {
        List<BranchRow> rows = new ArrayList<>();
        for (JsonNode o : a) {
            Map<String, String> extra = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (k.equals("from_bus") || k.equals("to_bus") || k.equals("r_ohm") || k.equals("x_ohm")) {
                    continue;
                }
                JsonNode v = e.getValue();
                extra.put(k, v.isNull() ? "" : v.isNumber() ? BranchColumns.number(v.asDouble()) : v.asText());
            }
            rows.add(new BranchRow(o.path("from_bus").asText(), o.path("to_bus").asText(), number(o.path("r_ohm")),
                    number(o.path("x_ohm")), extra));
        }
        return rows;
    }

    private static Map<String, Double> numbers(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), number(e.getValue()));
        }
        return m;
    }

    private static long epochSecond(JsonNode n) {
        try {
            return n.isTextual() ? java.time.Instant.parse(n.asText()).getEpochSecond() : IdentificationDiagnostics.UNKNOWN;
        } catch (java.time.format.DateTimeParseException e) {
            return IdentificationDiagnostics.UNKNOWN;
        }
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
