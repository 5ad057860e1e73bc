package io.gridid.reports;

import io.gridid.model.io.AtomicFile;
import io.gridid.pipeline.IdentificationResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The formats an identified feeder can be exported to, and the calls that write the files. */
public enum ExportFormat {
    /** OpenDSS script ({@link OpenDssExport}). */
    OPENDSS,
    /** GraphML ({@link GraphExport}). */
    GRAPHML,
    /** Graphviz DOT ({@link GraphExport}). */
    DOT;

    /**
     * The format named {@code name}, case-insensitively; {@code dss} is OpenDSS.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ExportFormat parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("DSS")) {
            return OPENDSS;
        }
        for (ExportFormat f : values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (opendss or dss, graphml, dot)");
    }

    /** The export as text (OpenDSS: the network alone, see {@link OpenDssExport#write(IdentificationResult)}). */
    public String render(IdentificationResult result) {
        return switch (this) {
            case OPENDSS -> new OpenDssExport().write(result);
            case GRAPHML -> new GraphExport().write(result, GraphExport.Format.GRAPHML);
            case DOT -> new GraphExport().write(result, GraphExport.Format.DOT);
        };
    }

    /** Writes the export atomically (the file's folder must exist). */
    public void write(IdentificationResult result, Path file) throws IOException {
        String text = render(result);
        AtomicFile.write(file, out -> out.write(text));
    }

    /**
     * Writes a full OpenDSS model ({@link OpenDssExport#write(IdentificationResult, MeteredLoads,
     * OpenDssExport.Mode, String)}): the side files beside {@code master}, named after it without
     * its extension ({@code feeder.dss}: {@code feeder-buses.csv}, {@code feeder-loadshapes/}),
     * then the master, each atomically; the master's folder must exist.
     *
     * @return the model written (for its renamed buses)
     */
    public static OpenDssModel writeOpenDss(IdentificationResult result, MeteredLoads loads, OpenDssExport.Mode mode,
                                            Path master) throws IOException {
        String fileName = master.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String prefix = dot > 0 ? fileName.substring(0, dot) : fileName;
        if (prefix.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the OpenDSS master's name must not contain '\"': " + fileName);
        }
        OpenDssModel model = new OpenDssExport().write(result, loads, mode, prefix);
        Path dir = master.toAbsolutePath().getParent();
        for (Map.Entry<String, String> e : model.sideFiles().entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            AtomicFile.write(p, out -> out.write(e.getValue()));
        }
        AtomicFile.write(master, out -> out.write(model.master()));
        return model;
    }
}
