/**
 * The CSV edges of gridid (data contract v1): {@link io.gridid.model.io.MeterCsvReader} reads
 * {@code meters.csv} into {@link io.gridid.model.MeterData}; {@link io.gridid.model.io.MeterCsvWriter}
 * writes it; {@link io.gridid.model.io.BranchCsvReader} and {@link io.gridid.model.io.BranchCsvWriter}
 * read and write {@code branches.csv}. Units are converted here and only here, through
 * {@link io.gridid.model.Units}.
 *
 * <h2>How the meter reader is built</h2>
 * Two parsers feed one {@code MeterRowCollector}, which checks every row and words every message,
 * so both give the same data and the same errors:
 * <ul>
 *   <li>{@code PlainMeterCsvParser}, the fast path for the contract's plain layout (comma, no
 *       quotes, no BOM, LF/CRLF): byte-level, a cached timestamp, meter ids hashed by their bytes,
 *       {@code DecimalParser} (correctly rounded: Clinger's exact path, then {@code EiselLemire} for
 *       up to 19 significant digits, {@link java.lang.Double#parseDouble} for the rest and for the
 *       few cases Eisel-Lemire declines). On a large file {@code ChunkedMeterCsvParser} runs it on
 *       all cores, one chunk of whole lines per thread, and merges the chunks' collectors in file
 *       order; any chunk that meets anything but clean rows makes it give way to the sequential
 *       read, so messages never depend on the chunking;</li>
 *   <li>{@code CommonsMeterCsvParser}: Apache Commons CSV, the parser of record, for the rest. The
 *       fast path hands over (starting again) the moment it meets a quote or a lone CR.</li>
 * </ul>
 * Readings go to growable primitive columns (8 bytes a value plus a presence bit), never to row
 * objects; a duplicate cell is found by that bit, and its first line by reading the file again up
 * to it (the error path only).
 *
 * <h2>Tests and benchmark</h2>
 * {@code model/src/test/resources/bad-input/cases.csv} lists every bad-input file with its exact
 * message; {@code good-input/} holds files that must read. The reader benchmark is a main class
 * of the benchmarks module (its README says how to run it):
 * <pre>
 * java -cp &lt;benchmarks classpath&gt; io.gridid.benchmarks.ingest.MeterCsvReadBenchmark \
 *     METERS INTERVALS SEED rounded|full [THREADS [COMMONS_RUNS]]
 * </pre>
 */
package io.gridid.model.io;
