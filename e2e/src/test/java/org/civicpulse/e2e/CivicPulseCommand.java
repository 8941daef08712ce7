package org.civicpulse.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./civicpulse} as a user would, with its output captured. */
final class CivicPulseCommand implements AutoCloseable {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private CivicPulseCommand(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(output closed: ").append(e.getMessage()).append(")\n");
            }
        }, "civicpulse-output");
        reader.setDaemon(true);
        reader.start();
    }

    static CivicPulseCommand start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("civicpulse").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new CivicPulseCommand(pb.start());
    }

    /** Runs to completion and returns the exit code. */
    static Result run(Map<String, String> env, Duration timeout, String... args) throws Exception {
        try (CivicPulseCommand c = start(env, args)) {
            if (!c.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("./civicpulse " + String.join(" ", args) + " did not finish:\n"
                        + c.output());
            }
            c.process.getInputStream().close();
            return new Result(c.process.exitValue(), c.output());
        }
    }

    String output() {
        return output.toString();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** Exit code and output of a finished command. */
    record Result(int exitCode, String output) {
    }
}
