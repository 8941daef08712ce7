package org.civicpulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The operator's token (SPEC §7): {@code CIVICPULSE_TOKEN} when set, else the one kept in the
 * data folder, else a new random one that is then kept there.
 */
public final class OperatorToken {
    private OperatorToken() {
    }

    public static String resolve(Settings settings) throws IOException {
        String configured = settings.get(Setting.TOKEN);
        if (!configured.isBlank()) {
            return configured.trim();
        }
        Path file = settings.dataDir().resolve("operator-token");
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
        Files.writeString(file, token + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return token;
    }
}
