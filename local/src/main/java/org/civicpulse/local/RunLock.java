package org.civicpulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A pid file in the data folder that tells a second {@code up} that one is already running. */
final class RunLock {
    private final Path file;

    RunLock(Path dataDir) {
        this.file = dataDir.resolve("up.pid");
    }

    /** The pid of a live process holding the lock, if any; a stale file is ignored. */
    Optional<Long> holder() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void acquire() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
    }

    void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort on shutdown: a stale file is ignored by holder()
        }
    }
}
