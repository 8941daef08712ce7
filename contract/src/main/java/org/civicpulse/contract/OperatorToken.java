package org.civicpulse.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's token (SPEC §7): {@code CIVICPULSE_TOKEN} when set, else the one kept in the
 * data folder, else a new random one that is then kept there (owner-only). {@code ./civicpulse up}
 * resolves it before starting the dashboard; a dashboard started on its own (a container of
 * {@code docker compose up}) resolves it itself.
 */
public final class OperatorToken {
    private OperatorToken() {
    }

    /** Where a generated token is kept. */
    public static Path file(Settings settings) {
        return settings.dataDir().resolve("operator-token");
    }

    public static String resolve(Settings settings) throws IOException {
        String configured = settings.get(Setting.TOKEN);
        if (!configured.isBlank()) {
            return configured.trim();
        }
        Path file = file(settings);
        if (Files.exists(file)) {
            String kept = Files.readString(file).trim();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        try {
            // Owner-only from its creation: never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the file keeps its default permissions
        }
        Files.writeString(file, token + "\n");
        return token;
    }
}
