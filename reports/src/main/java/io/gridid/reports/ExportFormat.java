package io.gridid.reports;

import io.gridid.model.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;

/** The formats an identified feeder can be exported to, and the one call that writes a file. */
public enum ExportFormat {
    /** OpenDSS script ({@link OpenDssExport}). */
    OPENDSS,
    /** GraphML ({@link GraphExport}). */
    GRAPHML,
    /** Graphviz DOT ({@link GraphExport}). */
    DOT;

    /** The export as text. */
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
}
