package org.civicpulse.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicpulse.contract.EventCodec;

/**
 * Writes the ground truth as JSONL: a {@code run} record (the configuration and range), one
 * {@code fault} record per faulty line, one {@code injection} record per drill item, and a
 * closing {@code summary} with the counts.
 */
public final class TruthFile implements GroundTruth, AutoCloseable {
    /** The opening record. */
    public record RunRecord(String record, String mode, long seed, double scale, Instant casesFrom, Instant from,
            Instant to, Map<String, Double> dailyVolumes, Map<String, Double> faultRates, String scenario,
            String events) {
    }

    /** The closing record. */
    public record SummaryRecord(String record, long emitted, Map<String, Long> faults, int injections,
            long injected) {
    }

    private final BufferedWriter writer;
    private final ObjectMapper mapper = new EventCodec().mapper();
    private final EnumMap<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
    private int injections;
    private long injected;

    /** Creates (or truncates) the file and writes the run record. */
    public TruthFile(Path file, RunRecord run) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        write(run);
    }

    @Override
    public void fault(FaultRecord record) {
        faults.merge(FaultKind.valueOf(record.kind()), 1L, Long::sum);
        write(record);
    }

    @Override
    public void injection(InjectionRecord record) {
        injections++;
        injected += record.injected();
        write(record);
    }

    /** Writes the summary and closes the file. */
    public void finish(long emitted) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        faults.forEach((k, v) -> counts.put(k.name(), v));
        write(new SummaryRecord("summary", emitted, counts, injections, injected));
        close();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private void write(Object record) {
        try {
            writer.write(mapper.writeValueAsString(record));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ground truth", e);
        }
    }
}
