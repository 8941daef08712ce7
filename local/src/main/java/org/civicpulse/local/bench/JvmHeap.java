package org.civicpulse.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The heap in use of one of a stack's child JVMs, found by its main class and the stack's data
 * folder (every child gets the folder as a system property), read with the JDK's {@code jstat}:
 * no agent and no endpoint needed in the child.
 */
final class JvmHeap {
    private final String mainClass;
    private final String dataDir;

    JvmHeap(String mainClass, String dataDir) {
        this.mainClass = mainClass;
        this.dataDir = dataDir;
    }

    /** Heap in use (survivor, eden and old generation) in bytes; empty when no such JVM runs. */
    Optional<Long> used() {
        return ProcessHandle.allProcesses().filter(p -> {
            String c = commandLine(p.pid());
            return c.contains(mainClass) && c.contains(dataDir);
        }).findFirst().flatMap(p -> jstat(p.pid()));
    }

    /** The whole command line from /proc: ProcessHandle.Info cuts it at 4 KiB, before a long classpath ends. */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ""; // gone, or not ours to read
        }
    }

    private static Optional<Long> jstat(long pid) {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (p.waitFor() != 0 || lines.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(usedBytes(lines.get(0), lines.get(1)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Sums the "…U" (used, KiB) columns of {@code jstat -gc} for the young and old generations. */
    static long usedBytes(String header, String values) {
        List<String> names = Arrays.asList(header.trim().split("\\s+"));
        String[] v = values.trim().split("\\s+");
        double kib = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            int i = names.indexOf(column);
            if (i < 0 || i >= v.length) {
                throw new IllegalArgumentException("jstat -gc printed no " + column + " column: " + header);
            }
            kib += Double.parseDouble(v[i]);
        }
        return (long) (kib * 1024);
    }
}
