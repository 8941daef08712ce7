package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.civicpulse.contract.OperatorToken;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardMainTest {
    @Test
    void shouldGenerateKeepAndReuseAnOperatorTokenWhenNoneIsConfigured(@TempDir Path data) throws Exception {
        // A bare `docker compose up`: no CIVICPULSE_TOKEN, a data folder on a volume.
        Settings bare = Settings.defaults().with(Setting.DATA_DIR, data.toString());
        String first = DashboardMain.withOperatorToken(bare).get(Setting.TOKEN);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(OperatorToken.file(bare)).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(OperatorToken.file(bare))))
                .isEqualTo("rw-------");
        assertThat(DashboardMain.withOperatorToken(bare).get(Setting.TOKEN)).as("after a restart").isEqualTo(first);
        assertThat(DashboardConfig.fromSettings(DashboardMain.withOperatorToken(bare)).token()).isEqualTo(first);
    }

    @Test
    void shouldKeepAConfiguredToken(@TempDir Path data) {
        Settings chosen = Settings.defaults().with(Setting.DATA_DIR, data.toString()).with(Setting.TOKEN, "chosen-token");
        assertThat(DashboardMain.withOperatorToken(chosen).get(Setting.TOKEN)).isEqualTo("chosen-token");
        assertThat(OperatorToken.file(chosen)).doesNotExist();
    }
}
