package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import io.gridid.model.MeterData;
import io.gridid.model.Warning;
import io.gridid.model.io.MeterCsvReader;
import io.gridid.model.io.MeterFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One feeder's meter files read as one data set: each file by {@link MeterCsvReader} (so every
 * message is the CLI's own {@code FILE:LINE: reason}, with the file named as the user named it),
 * then merged: meters in order of first appearance over the files in name order, intervals the
 * sorted union. A reading of the same meter at the same instant in two files is an error naming
 * both, as a duplicate row within one file is.
 */
final class FeederMeterFiles {
    private final MeterCsvReader reader;

    /**
     * @param baseKv nominal line-to-line kV (converts v_pu)
     */
    FeederMeterFiles(double baseKv) {
        // one thread: Spark runs one task per core
        this.reader = new MeterCsvReader(MeterCsvReader.Options.defaults().withBaseKv(baseKv).withThreads(1));
    }

    /**
     * @param files local paths of the files, in name order
     * @param names the same files as the user names them, for messages
     * @throws InvalidInputException a file's content is bad, or two files hold the same reading
     */
    MeterFile read(List<Path> files, List<String> names) throws IOException, InvalidInputException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        List<MeterFile> read = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            read.add(readOne(files.get(i), names.get(i)));
        }
        return read.size() == 1 ? read.get(0) : merge(read, names);
    }

    private MeterFile readOne(Path file, String name) throws IOException, InvalidInputException {
        String local = file.toString();
        try {
            MeterFile f = reader.read(file);
            if (local.equals(name)) {
                return f;
            }
            List<Warning> warnings = new ArrayList<>();
            for (Warning w : f.warnings()) {
                warnings.add(w.withText(w.text().replace(local, name)));
            }
            return new MeterFile(f.data(), f.voltageColumn(), f.rows(), warnings);
        } catch (InvalidInputException e) {
            if (!e.file().equals(local)) {
                throw e;
            }
            throw new InvalidInputException(name, e.line(), e.reason().replace(local, name));
        }
    }

    private static MeterFile merge(List<MeterFile> files, List<String> names) throws InvalidInputException {
        Map<String, Integer> meters = new LinkedHashMap<>();
        TreeSet<Long> instants = new TreeSet<>();
        long rows = 0;
        List<Warning> warnings = new ArrayList<>();
        for (MeterFile f : files) {
            for (String id : f.data().meterIds()) {
                meters.putIfAbsent(id, meters.size());
            }
            for (long s : f.data().epochSeconds()) {
                instants.add(s);
            }
            rows += f.rows();
            warnings.addAll(f.warnings());
        }
        long[] epoch = instants.stream().mapToLong(Long::longValue).toArray();
        Map<Long, Integer> slot = new LinkedHashMap<>();
        for (int t = 0; t < epoch.length; t++) {
            slot.put(epoch[t], t);
        }
        MeterData.Builder b = MeterData.builder(new ArrayList<>(meters.keySet()), epoch);
        int[][] from = new int[meters.size()][epoch.length]; // 1 + index of the file a reading came from
        for (int k = 0; k < files.size(); k++) {
            MeterData d = files.get(k).data();
            for (int m = 0; m < d.meterCount(); m++) {
                int mm = meters.get(d.meterIds().get(m));
                for (int t = 0; t < d.intervalCount(); t++) {
                    double v = d.vKv(m, t);
                    double p = d.pMw(m, t);
                    double q = d.qMvar(m, t);
                    if (Double.isNaN(v) && Double.isNaN(p) && Double.isNaN(q)) {
                        continue;
                    }
                    int tt = slot.get(d.epochSecond(t));
                    if (from[mm][tt] != 0) {
                        throw new InvalidInputException(names.get(k), 0, "meter " + d.meterIds().get(m) + " at "
                                + Instant.ofEpochSecond(d.epochSecond(t)) + " is also in " + names.get(from[mm][tt] - 1));
                    }
                    from[mm][tt] = k + 1;
                    b.set(mm, tt, v, p, q);
                }
            }
        }
        return new MeterFile(b.build(), files.get(0).voltageColumn(), rows, warnings);
    }
}
