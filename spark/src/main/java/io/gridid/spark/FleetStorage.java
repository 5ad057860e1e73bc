package io.gridid.spark;

import io.gridid.model.InvalidInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet's files through Hadoop's file systems, so the same job reads a local folder, HDFS or
 * an object store: the feeders and truth tables, the {@code feeder_id=<id>} folders of meter
 * files, and the output folder. Names in messages are the user's own (as given on the command
 * line, with the folder and file names appended).
 */
final class FleetStorage {
    /** The prefix of a Hive-style partition folder. */
    static final String PARTITION_PREFIX = FleetTables.FEEDER_ID + "=";
    /** The ending of a CSV meter table's files directly in the meters folder. */
    static final String CSV_SUFFIX = ".csv";
    /** The ending of a Parquet file: such a file makes the readings a Parquet meter table. */
    static final String PARQUET_SUFFIX = ".parquet";

    private final Configuration conf;

    FleetStorage(Configuration conf) {
        this.conf = Objects.requireNonNull(conf, "conf");
    }

    /** One feeder's folder: its meter files, in name order. */
    record FeederFolder(String feederId, List<String> uris, List<String> names) {
    }

    InputStream open(String name) throws IOException, InvalidInputException {
        Path p = new Path(name);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new InvalidInputException(name, 0, "no such file");
        }
        if (fs.getFileStatus(p).isDirectory()) {
            throw new InvalidInputException(name, 0, "is a folder, not a file");
        }
        return fs.open(p);
    }

    /**
     * The {@code feeder_id=<id>} folders under {@code dir}, in id order, each with its meter files
     * (hidden files and files starting with {@code _} skipped, as Spark's writers leave them).
     *
     * @throws InvalidInputException {@code dir} is missing, not a folder, or holds no feeder folder
     */
    List<FeederFolder> feederFolders(String dir) throws IOException, InvalidInputException {
        Path p = new Path(dir);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new InvalidInputException(dir, 0, "no such folder");
        }
        if (!fs.getFileStatus(p).isDirectory()) {
            throw new InvalidInputException(dir, 0, "is a file; --meters takes the folder holding the "
                    + PARTITION_PREFIX + "<id> folders");
        }
        Map<String, FeederFolder> byId = new LinkedHashMap<>();
        FileStatus[] children = fs.listStatus(p);
        java.util.Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (!child.isDirectory() || !name.startsWith(PARTITION_PREFIX)) {
                continue;
            }
            String id = unescape(name.substring(PARTITION_PREFIX.length()));
            List<String> uris = new ArrayList<>();
            List<String> names = new ArrayList<>();
            FileStatus[] files = fs.listStatus(child.getPath());
            java.util.Arrays.sort(files, Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus f : files) {
                String fn = f.getPath().getName();
                if (f.isFile() && isMeterFile(fn)) {
                    uris.add(f.getPath().toUri().toString());
                    names.add(join(dir, name, fn));
                }
            }
            byId.put(id, new FeederFolder(id, uris, names));
        }
        if (byId.isEmpty()) {
            throw new InvalidInputException(dir, 0, "no " + PARTITION_PREFIX + "<id> folders in it");
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Whether a file in a {@code feeder_id=<id>} folder is a meter file: any name (the issue's
     * "any file names inside"), except hidden files and files starting with {@code _} (Spark's and
     * Hadoop's {@code _SUCCESS}, {@code .crc}) and Parquet files (a Parquet table).
     */
    static boolean isMeterFile(String name) {
        return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(PARQUET_SUFFIX);
    }

    /** The folder's name for messages: the user's folder, then the children. */
    static String join(String dir, String... children) {
        StringBuilder b = new StringBuilder(dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir);
        for (String c : children) {
            b.append('/').append(c);
        }
        return b.toString();
    }

    /** Spark and Hive escape special characters of partition values as %XX. */
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && isHex(value, i + 1) && isHex(value, i + 2)) {
                b.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /**
     * How the meter readings are laid out: null for {@code feeder_id=<id>} folders of CSV files (each
     * feeder's files read by its task), else the Spark format of a meter table: "parquet" when there
     * are Parquet files (in partition folders or not), "csv" for a CSV file or folder of CSV files
     * with a {@code feeder_id} column.
     *
     * @throws InvalidInputException the path does not exist, or holds neither
     */
    String tableFormat(String meters) throws IOException, InvalidInputException {
        Path p = new Path(meters);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new InvalidInputException(meters, 0, "no such folder");
        }
        if (fs.getFileStatus(p).isFile()) {
            return p.getName().endsWith(PARQUET_SUFFIX) ? "parquet" : "csv";
        }
        boolean csvFolders = false;
        boolean parquet = false;
        boolean csv = false;
        for (FileStatus child : fs.listStatus(p)) {
            String name = child.getPath().getName();
            if (child.isDirectory() && name.startsWith(PARTITION_PREFIX)) {
                for (FileStatus f : fs.listStatus(child.getPath())) {
                    csvFolders |= f.isFile() && isMeterFile(f.getPath().getName());
                    parquet |= f.getPath().getName().endsWith(PARQUET_SUFFIX);
                }
            } else if (child.isFile()) {
                parquet |= name.endsWith(PARQUET_SUFFIX);
                csv |= name.endsWith(CSV_SUFFIX);
            }
        }
        if (parquet) {
            return "parquet";
        }
        if (csvFolders) {
            return null;
        }
        if (csv) {
            return "csv";
        }
        throw new InvalidInputException(meters, 0, "no " + PARTITION_PREFIX + "<id> folders of meter files and no "
                + "Parquet or CSV meter table in it");
    }

    /**
     * Prepares the output folder: it must be absent or empty. Returns the staging folder beside it
     * into which the job writes and which {@link #commit} renames into place, so a failed job leaves
     * no half-written output.
     */
    Path stage(String out) throws IOException, InvalidInputException {
        Path target = new Path(out);
        FileSystem fs = target.getFileSystem(conf);
        if (fs.exists(target)) {
            if (!fs.getFileStatus(target).isDirectory()) {
                throw new InvalidInputException(out, 0, "exists and is not a folder");
            }
            if (fs.listStatus(target).length > 0) {
                throw new InvalidInputException(out, 0, "exists and is not empty; give a new or empty folder");
            }
        }
        Path staging = new Path(target.getParent() == null ? new Path(".") : target.getParent(),
                "." + target.getName() + ".partial");
        fs.delete(staging, true);
        return staging;
    }

    /** Moves the finished staging folder to {@code out}. */
    void commit(Path staging, String out) throws IOException {
        Path target = new Path(out);
        FileSystem fs = target.getFileSystem(conf);
        if (fs.exists(target)) {
            fs.delete(target, false); // empty, checked by stage()
        }
        if (!fs.rename(staging, target)) {
            throw new IOException("cannot move " + staging + " to " + out);
        }
    }

    /** Removes a staging folder after a failed job. */
    void discard(Path staging) throws IOException {
        staging.getFileSystem(conf).delete(staging, true);
    }

    /**
     * A meter file as a local path for {@link io.gridid.model.io.MeterCsvReader}: the file itself
     * when it is local, else a copy in {@code tempDir}.
     */
    static java.nio.file.Path local(String uri, java.nio.file.Path tempDir, Configuration conf) throws IOException {
        java.net.URI u = java.net.URI.create(uri);
        if (u.getScheme() == null || "file".equals(u.getScheme())) {
            return java.nio.file.Path.of(u.getScheme() == null ? java.net.URI.create("file://" + uri) : u);
        }
        Path src = new Path(u);
        java.nio.file.Path copy = tempDir.resolve(src.getName());
        src.getFileSystem(conf).copyToLocalFile(false, src, new Path(copy.toUri()), true);
        return copy;
    }
}
