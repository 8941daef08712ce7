package org.civicpulse.local;

import java.nio.file.Path;

/** Where the built modules are, relative to the repository root, so the launcher can start them. */
public record StackLayout(Path home) {

    /** The repository root: system property {@code civicpulse.home}, else the working folder. */
    public static StackLayout detect() {
        String home = System.getProperty("civicpulse.home");
        return new StackLayout(Path.of(home == null ? "." : home).toAbsolutePath().normalize());
    }

    public Path brokerClasspath() {
        return home.resolve("broker/target/classpath.txt");
    }

    /** Flink's own runtime for a standalone cluster (module flink-cluster), without CivicPulse code. */
    public Path flinkClusterClasspath() {
        return home.resolve("flink-cluster/target/classpath.txt");
    }

    /** The shaded job jar that is submitted to a real Flink cluster. */
    public Path jobJar() {
        return home.resolve("jobs/target/civicpulse-jobs-0.1.0-SNAPSHOT-job.jar");
    }

    public String jobsClasspath() {
        return ChildProcess.classpath(home.resolve("jobs/target/classpath.txt"), home.resolve("jobs/target/classes"));
    }

    public String simulatorClasspath() {
        return ChildProcess.classpath(home.resolve("simulator/target/classpath.txt"),
                home.resolve("simulator/target/classes"));
    }

    public String dashboardClasspath() {
        return ChildProcess.classpath(home.resolve("dashboard/target/classpath.txt"),
                home.resolve("dashboard/target/classes"));
    }
}
