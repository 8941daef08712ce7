package org.civicpulse.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervised child process whose output goes to a log file; stopping it sends SIGTERM,
 * waits, then kills it, so no process outlives the launcher.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with its output appended to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Path log, Map<String, String> env) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            LOG.debug("Started {} (pid {}): {}", name, p.pid(), command);
            return new ChildProcess(name, p, log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The command line of a Java child: this JVM's java, the given classpath, main class and arguments. */
    public static List<String> javaCommand(String classpath, List<String> jvmOptions, String mainClass,
                                           List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Reads a classpath file written by the build ({@code target/classpath.txt}) and prepends extra entries. */
    public static String classpath(Path classpathFile, Path... extra) {
        try {
            String deps = Files.readString(classpathFile).trim();
            StringBuilder sb = new StringBuilder();
            for (Path p : extra) {
                sb.append(p.toAbsolutePath()).append(File.pathSeparator);
            }
            return sb.append(deps).toString();
        } catch (IOException e) {
            throw new IllegalStateException("Missing " + classpathFile + ": build the project first (mvn package)", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until {@code ready} holds; fails at once, with the end of the log, if the process exits
     * first, and stops the process when it does not get ready in time.
     */
    public void awaitReady(String what, Duration timeout, java.util.function.BooleanSupplier ready) {
        try {
            Wait.until(what + " (log: " + log + ")", timeout, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited:\n" + tail(30));
                }
                return ready.getAsBoolean();
            });
        } catch (RuntimeException e) {
            String tail = tail(30);
            stop(Duration.ofSeconds(10));
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
    }

    /** Kills the process at once, as a crash would (SIGKILL). */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(grace)) {
            LOG.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** The last lines of the log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits up to {@code d} for the process to end; true if it has. */
    public boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
