package org.civicpulse.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The folder of retained checkpoints, and the latest complete one in it (a {@code chk-N} folder
 * with its {@code _metadata}), so a local run resumes where the last one stopped or crashed.
 */
public final class CheckpointStore {
    private final Path dir;

    private CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public static CheckpointStore of(Settings s) {
        String configured = s.get(Setting.FLINK_CHECKPOINT_DIR);
        Path dir = configured.isBlank() ? s.dataDir().resolve("flink/checkpoints")
                : Path.of(URI.create(configured.contains("://") ? configured : "file://" + Path.of(configured)
                        .toAbsolutePath()));
        return new CheckpointStore(dir);
    }

    public String uri() {
        return dir.toUri().toString();
    }

    /** The newest complete checkpoint folder, if any. */
    public Optional<String> latest() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(dir, 3, (p, a) -> p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(CheckpointStore::modified))
                    .map(p -> p.getParent().toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints under " + dir, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
