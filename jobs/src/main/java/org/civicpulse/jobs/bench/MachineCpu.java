package org.civicpulse.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a benchmark's CPU went on this machine, by process: this JVM (the Flink job), ClickHouse,
 * the Kafka broker, other JVMs and everything else — the broker and ClickHouse share the cores
 * with the job, so a job that does less work per event can still be held back by what its sinks
 * cost them. From {@code /proc} (Linux only); a process that ends within the span is missed.
 */
final class MachineCpu {
    /** Clock ticks per second of /proc (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100.0;
    private final long[] machineStart;
    private final Map<Long, Long> processStart;
    private final Map<Long, String> groups = new LinkedHashMap<>();

    /** Seconds of CPU over the measured span, by group, and the machine's idle seconds. */
    record Split(int cores, Map<String, Double> seconds, double idleSeconds) {
    }

    private MachineCpu(long[] machineStart, Map<Long, Long> processStart) {
        this.machineStart = machineStart;
        this.processStart = processStart;
    }

    static MachineCpu start() throws IOException {
        return new MachineCpu(machine(), processes());
    }

    Split stop() throws IOException {
        long[] machineEnd = machine();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String g : new String[] {"this JVM (Flink)", "ClickHouse", "Kafka broker", "other JVMs", "rest"}) {
            seconds.put(g, 0.0);
        }
        double processTotal = 0;
        for (Map.Entry<Long, Long> e : processes().entrySet()) {
            long before = processStart.getOrDefault(e.getKey(), 0L);
            double s = (e.getValue() - before) / TICKS_PER_SECOND;
            if (s <= 0) {
                continue;
            }
            seconds.merge(group(e.getKey()), s, Double::sum);
            processTotal += s;
        }
        double busy = (machineEnd[0] - machineStart[0]) / TICKS_PER_SECOND;
        // Kernel work outside any process (interrupts, kernel threads' share not seen) stays in "rest".
        seconds.merge("rest", Math.max(0, busy - processTotal), Double::sum);
        return new Split(Runtime.getRuntime().availableProcessors(), seconds,
                (machineEnd[1] - machineStart[1]) / TICKS_PER_SECOND);
    }

    private String group(long pid) {
        return groups.computeIfAbsent(pid, p -> {
            if (p == ProcessHandle.current().pid()) {
                return "this JVM (Flink)";
            }
            String[] argv = read(Path.of("/proc", Long.toString(p), "cmdline")).split("\0");
            // By the program run, not by anything on its command line: the job's and the
            // dashboard's class paths name the ClickHouse client and the Kafka jars too.
            String program = argv.length == 0 ? "" : argv[0];
            if (program.contains("clickhouse")) {
                return "ClickHouse";
            }
            if (program.endsWith("java")) {
                return java.util.Arrays.asList(argv).contains("kafka.Kafka") ? "Kafka broker" : "other JVMs";
            }
            return "rest";
        });
    }

    /** {busy ticks, idle ticks} of the whole machine (the first line of /proc/stat). */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            long v = Long.parseLong(f[i]);
            if (i == 4 || i == 5) { // idle, iowait
                idle += v;
            } else {
                busy += v;
            }
        }
        return new long[] {busy, idle};
    }

    /** utime + stime ticks of every process now. */
    private static Map<Long, Long> processes() throws IOException {
        Map<Long, Long> ticks = new LinkedHashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                String stat = read(dir.resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (close < 0) {
                    continue;
                }
                // After "pid (comm) ": state is field 3, utime 14, stime 15.
                String[] f = stat.substring(close + 2).split(" ");
                if (f.length > 12) {
                    ticks.put(Long.parseLong(dir.getFileName().toString()), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                }
            }
        }
        return ticks;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }
}
