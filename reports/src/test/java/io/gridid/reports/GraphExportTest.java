package io.gridid.reports;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.gridid.reports.SampleResults.EVIL_ID;
import static io.gridid.reports.SampleResults.QUOTES_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphExportTest {
    @Test
    void graphmlParsesAsXmlWithEveryBusAndBranch() throws Exception {
        String xml = new GraphExport().write(SampleResults.fiveBranches(), GraphExport.Format.GRAPHML);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        NodeList edges = doc.getElementsByTagNameNS("*", "edge");
        assertEquals(7, nodes.getLength());
        assertEquals(6, edges.getLength());
        Map<String, String> keyOf = new HashMap<>(); // attr.name -> key id
        NodeList keys = doc.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            keyOf.put(k.getAttribute("attr.name"), k.getAttribute("id"));
        }
        Map<String, String> label = new HashMap<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            String l = data(n, keyOf.get("label"));
            label.put(n.getAttribute("id"), l);
            labels.add(l);
            assertEquals(l, n.getAttribute("id"), "the node id is the bus id (networkx, Gephi)");
        }
        assertTrue(labels.contains(EVIL_ID) && labels.contains(QUOTES_ID), labels.toString());
        boolean found = false;
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            if (label.get(e.getAttribute("source")).equals("671") && label.get(e.getAttribute("target")).equals("680")) {
                assertEquals(0.12, Double.parseDouble(data(e, keyOf.get("r_ohm"))));
                assertEquals("CU 4/0", data(e, keyOf.get("conductor")));
                found = true;
            }
        }
        assertTrue(found, "edge 671 -> 680 present and directed parent to child");
    }

    private static String data(Element parent, String key) {
        NodeList d = parent.getElementsByTagNameNS("*", "data");
        for (int i = 0; i < d.getLength(); i++) {
            Element e = (Element) d.item(i);
            if (e.getAttribute("key").equals(key)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    @Test
    void dotHasOneArcPerBranchAndQuotedLabels() {
        String dot = new GraphExport().write(SampleResults.fiveBranches(), GraphExport.Format.DOT);
        assertTrue(dot.startsWith("strict digraph") || dot.startsWith("digraph"), dot);
        assertEquals(6, dot.lines().filter(l -> l.contains("->")).count());
        assertTrue(dot.contains("label=\"\\\"&'\""), "double quote escaped inside the quoted label:\n" + dot);
        assertTrue(dot.contains("label=\"" + EVIL_ID + "\""), dot);
        // node ids are the bus ids, quoted: an arc reads "671" -> "680"
        assertTrue(dot.lines().anyMatch(l -> l.strip().startsWith("\"671\" -> \"680\"")), dot);
        assertTrue(dot.lines().anyMatch(l -> l.strip().startsWith("\"\\\"&'\" [")), "quote escaped in the id:\n" + dot);
    }
}
