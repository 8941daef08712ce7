package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and the README's configuration table name the application's own keys. */
class DeploymentConfigurationTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern ENV = Pattern.compile("CIVICPULSE_[A-Z0-9_]+");

    @Test
    void shouldUseOnlyTheApplicationsOwnKeysInDockerCompose() throws IOException {
        Set<String> known = Setting.all().stream().map(Setting::envVar).collect(Collectors.toSet());
        Set<String> used = envVars(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertThat(used).isNotEmpty();
        assertThat(used).isSubsetOf(known);
    }

    @Test
    void shouldListEveryKeyWithItsVariableAndDefaultInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Setting s : Setting.all()) {
            String row = "| `" + s.key() + "` | `" + s.envVar() + "` | "
                    + (s.defaultValue().isEmpty() ? "" : "`" + s.defaultValue() + "`") + " |";
            assertThat(readme).as("README row for " + s.key()).contains(row);
        }
        Set<String> documented = envVars(readme);
        documented.remove("CIVICPULSE_SKIP_BUILD"); // the launcher script's own switch, not an application key
        assertThat(documented).isSubsetOf(Setting.all().stream().map(Setting::envVar).collect(Collectors.toSet()));
    }

    private static Set<String> envVars(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ENV.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
