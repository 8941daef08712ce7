package org.civicpulse.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civicpulse.contract.OperatorToken;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The Java side of {@code ./civicpulse}: {@code up}, {@code replay} and {@code reset}. The shell
 * script installs packages and builds; everything else happens here, where it is tested.
 */
public final class Launcher {
    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Launcher launcher = new Launcher(Settings.fromEnvironment(), System.out, System.err);
        System.exit(launcher.run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            err.println("usage: civicpulse up [--no-sim|--services-only] | replay FILE [--speed N|max] | reset [--yes]");
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "up" -> up(args.subList(1, args.size()));
                case "replay" -> replay(args.subList(1, args.size()));
                case "reset" -> reset(args.subList(1, args.size()));
                default -> {
                    err.println("Unknown command '" + args.get(0) + "'. Try ./civicpulse help");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int up(List<String> options) throws IOException, InterruptedException {
        boolean noSim = options.contains("--no-sim");
        boolean servicesOnly = options.contains("--services-only");
        for (String o : options) {
            if (!o.equals("--no-sim") && !o.equals("--services-only")) {
                err.println("Unknown option for up: " + o + " (known: --no-sim, --services-only)");
                return 2;
            }
        }
        RunLock lock = new RunLock(settings.dataDir());
        Optional<Long> running = lock.holder();
        if (running.isPresent()) {
            err.println("CivicPulse is already running (pid " + running.get() + ") with data in "
                    + settings.dataDir() + ". Open " + dashboardUrl() + ", or stop it (Ctrl-C in its terminal, "
                    + "or kill " + running.get() + ") before starting another.");
            return 1;
        }
        lock.acquire();
        String token = OperatorToken.resolve(settings);
        long t0 = System.nanoTime();
        Stack stack = new Stack(settings, StackLayout.detect(), out);
        Thread shutdown = new Thread(() -> {
            out.println("stopping CivicPulse…");
            stack.close();
            lock.release();
            out.println("stopped.");
        }, "civicpulse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            if (servicesOnly) {
                stack.startServices();
            } else {
                stack.start(token, !noSim);
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1; // the shutdown hook stops whatever had started
        }
        if (servicesOnly) {
            out.printf("%nCivicPulse is up in %.1f s (services only: no job, dashboard or simulator).%n",
                    (System.nanoTime() - t0) / 1e9);
            out.println("  ClickHouse:     " + settings.get(Setting.CLICKHOUSE_URL));
            out.println("  Kafka:          " + settings.get(Setting.KAFKA_BOOTSTRAP));
            out.println("  data folder:    " + settings.dataDir());
            out.println("Ctrl-C stops everything.");
            stack.supervise();
            return 0;
        }
        out.printf("%nCivicPulse is up in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        out.println("  dashboard:      " + wallLink(dashboardUrl(), token));
        out.println("  operator token: " + token);
        out.println("  data folder:    " + settings.dataDir());
        if (!noSim) {
            out.println("  simulator:      " + settings.get(Setting.SIMULATOR_BACKFILL_DAYS) + " days of history at scale "
                    + settings.get(Setting.SIMULATOR_SCALE) + ", then live; the dashboard catches up within minutes");
        }
        out.println("Replay events with ./civicpulse replay FILE.jsonl. Ctrl-C stops everything.");
        stack.supervise();
        return 0;
    }

    private int replay(List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty()) {
            err.println("usage: civicpulse replay FILE.jsonl [--speed N|max]");
            return 2;
        }
        Path file = Path.of(args.get(0));
        double speed = 0;
        if (args.size() >= 2) {
            if (!args.get(1).equals("--speed") || args.size() != 3) {
                err.println("usage: civicpulse replay FILE.jsonl [--speed N|max]");
                return 2;
            }
            speed = parseSpeed(args.get(2));
        }
        try {
            Replayer.Summary s = new Replayer(settings, out).replay(file, speed);
            out.printf("replayed %s: %d lines, %d published, %d to dead-letter, %d blank, %.1f s (%.0f events/s)%n",
                    file, s.lines(), s.published(), s.deadLettered(), s.blank(), s.seconds(), s.eventsPerSecond());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + file.toAbsolutePath());
            return 1;
        }
    }

    static double parseSpeed(String value) {
        if (value.equals("max")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("--speed must be a positive number or 'max', not '" + value + "'");
    }

    private int reset(List<String> options) throws IOException {
        Path data = settings.dataDir();
        Optional<Long> running = new RunLock(data).holder();
        if (running.isPresent()) {
            err.println("CivicPulse is running (pid " + running.get() + "): stop it before reset.");
            return 1;
        }
        if (!Files.exists(data)) {
            out.println("Nothing to reset: " + data + " does not exist.");
            return 0;
        }
        if (!options.contains("--yes")) {
            out.print("This deletes all local data in " + data + " (events, metrics, checkpoints, token). "
                    + "Type 'yes' to continue: ");
            out.flush();
            String answer = System.console() == null ? readStdinLine() : System.console().readLine();
            if (answer == null || !answer.trim().equals("yes")) {
                out.println("Nothing deleted.");
                return 1;
            }
        }
        Folders.delete(data);
        out.println("Deleted " + data);
        return 0;
    }

    private static String readStdinLine() throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
    }

    /**
     * The address a wall screen opens (SPEC §7: {@code /?token=<token>}), with the token encoded: a
     * {@code CIVICPULSE_TOKEN} holding '+', '&' or '#' would otherwise reach the server changed.
     */
    static String wallLink(String dashboardUrl, String token) {
        return dashboardUrl + "/?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String dashboardUrl() {
        return "http://localhost:" + settings.get(Setting.DASHBOARD_PORT);
    }
}
