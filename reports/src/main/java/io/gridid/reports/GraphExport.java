package io.gridid.reports;

import io.gridid.pipeline.IdentificationResult;
import io.gridid.pipeline.IdentifiedBranch;
import org.jgrapht.Graph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identified feeder as a directed graph (parent &rarr; child) in GraphML or Graphviz DOT,
 * written by JGraphT's exporters. The vertex id is the bus id (in DOT a quoted string, so any
 * bus id is a valid DOT id), so networkx, Gephi and Graphviz users see bus ids; the bus id is
 * also the vertex attribute {@code label}. Edge attributes:
 * {@code r_ohm}, {@code x_ohm}, {@code confidence} (doubles, omitted when unknown),
 * {@code conductor} and {@code length_km} when a type was chosen.
 */
public final class GraphExport {
    /** The supported formats. */
    public enum Format { GRAPHML, DOT }

    /** One branch as a graph edge (identity semantics: JGraphT needs distinct edge objects). */
    private static final class Edge {
        final IdentifiedBranch row;

        Edge(IdentifiedBranch row) {
            this.row = row;
        }
    }

    /** The graph text in the given format. */
    public String write(IdentificationResult r, Format format) {
        Graph<String, Edge> g = new SimpleDirectedGraph<>(null, null, false);
        for (String bus : r.tree().topDown()) {
            g.addVertex(bus);
        }
        for (IdentifiedBranch b : r.branches()) {
            g.addEdge(b.fromBus(), b.toBus(), new Edge(b));
        }
        GraphExporter<String, Edge> exporter;
        if (format == Format.GRAPHML) {
            GraphMLExporter<String, Edge> ml = new GraphMLExporter<>(bus -> bus);
            ml.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
            ml.registerAttribute("r_ohm", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
            ml.registerAttribute("x_ohm", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
            ml.registerAttribute("confidence", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
            ml.registerAttribute("conductor", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
            ml.registerAttribute("length_km", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
            ml.setVertexAttributeProvider(bus -> Map.of("label", DefaultAttribute.createAttribute(bus)));
            ml.setEdgeAttributeProvider(e -> edgeAttributes(e.row, r, false));
            exporter = ml;
        } else {
            DOTExporter<String, Edge> dot = new DOTExporter<>(GraphExport::dotId);
            // the exporter escapes double quotes; a backslash must be doubled first
            dot.setVertexAttributeProvider(bus -> Map.of("label",
                    DefaultAttribute.createAttribute(bus.replace("\\", "\\\\"))));
            dot.setEdgeAttributeProvider(e -> edgeAttributes(e.row, r, true));
            exporter = dot;
        }
        StringWriter w = new StringWriter();
        exporter.exportGraph(g, w);
        return w.toString();
    }

    /** A bus id as a DOT quoted-string id: backslashes and double quotes escaped. */
    static String dotId(String bus) {
        return '"' + bus.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Map<String, Attribute> edgeAttributes(IdentifiedBranch b, IdentificationResult r, boolean dot) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        put(a, "r_ohm", b.rOhm());
        put(a, "x_ohm", b.xOhm());
        put(a, "confidence", r.confidenceOf(b.toBus()));
        String type = b.conductor();
        if (!type.isEmpty()) {
            a.put("conductor", DefaultAttribute.createAttribute(dot ? type.replace("\\", "\\\\") : type));
            put(a, "length_km", b.lengthKm());
        }
        return a;
    }

    private static void put(Map<String, Attribute> a, String name, double v) {
        if (Double.isFinite(v)) {
            a.put(name, DefaultAttribute.createAttribute(v));
        }
    }
}
