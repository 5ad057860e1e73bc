package io.gridid.model.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code branches.csv} per the data contract: {@code from_bus,to_bus,r_ohm,x_ohm}, then
 * the given further columns. Atomic (see {@link AtomicFile}); numbers in shortest round-trip
 * form so nothing is lost.
 */
public final class BranchCsvWriter {
    /** The contract's first four columns, in order. */
    public static final List<String> CONTRACT_COLUMNS = List.of("from_bus", "to_bus", "r_ohm", "x_ohm");

    private BranchCsvWriter() {
    }

    /**
     * @param file          target file, replaced atomically
     * @param extraColumns  names of further columns, written after the contract's four
     * @param rows          rows in output order; a row lacking an extra column gets an empty field
     */
    public static void write(Path file, List<String> extraColumns, List<BranchRow> rows) throws IOException {
        AtomicFile.write(file, content(extraColumns, rows));
    }

    /** The same file's content, for a writer of a whole file set ({@link FileSet}). */
    public static AtomicFile.Content content(List<String> extraColumns, List<BranchRow> rows) {
        List<String> header = new ArrayList<>(CONTRACT_COLUMNS);
        for (String c : extraColumns) {
            if (CONTRACT_COLUMNS.contains(c)) {
                throw new IllegalArgumentException("extra column " + c + " repeats a contract column");
            }
            header.add(c);
        }
        return out -> {
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
            try (CSVPrinter p = new CSVPrinter(out, fmt)) {
                p.printRecord(header);
                List<String> rec = new ArrayList<>(header.size());
                for (BranchRow r : rows) {
                    rec.clear();
                    rec.add(r.fromBus());
                    rec.add(r.toBus());
                    rec.add(NumberText.of(r.rOhm()));
                    rec.add(NumberText.of(r.xOhm()));
                    for (String c : extraColumns) {
                        rec.add(r.extra().getOrDefault(c, ""));
                    }
                    p.printRecord(rec);
                }
            }
        };
    }
}
