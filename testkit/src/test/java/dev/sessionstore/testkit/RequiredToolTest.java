package dev.sessionstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
    private static final String PROPERTY = "sessionstore.test.tool";
    private final RequiredTool missing = new RequiredTool(
            "RequiredToolTest's absent program", PROPERTY, "no-such-package", "sessionstore-no-such-program");

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
        System.clearProperty(RequiredTool.REQUIRE_PROPERTY);
    }

    @Test
    void require_missing_skipsNamingThePackage_unlessToolsAreRequired() {
        Class<? extends Throwable> expected =
                RequiredTool.toolsRequired() ? AssertionFailedError.class : TestAbortedException.class;
        assertThatThrownBy(missing::require)
                .isInstanceOf(expected)
                .hasMessageContaining("apt-get install no-such-package")
                .hasMessageContaining("-D" + PROPERTY);
    }

    @Test
    void require_missing_failsWhenTheRequireToolsPropertyIsSet() {
        System.setProperty(RequiredTool.REQUIRE_PROPERTY, "true");
        assertThatThrownBy(missing::require)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt-get install no-such-package")
                .hasMessageContaining(RequiredTool.REQUIRE_PROPERTY);
    }

    @Test
    void require_returnsThePathGivenByTheProperty(@TempDir Path dir) throws Exception {
        Path program = Files.createFile(
                dir.resolve("tool"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        System.setProperty(PROPERTY, program.toString());
        assertThat(missing.require()).isEqualTo(program);
    }

    @Test
    void require_aPropertyThatIsNotAnExecutable_failsEvenWhenToolsAreOptional(@TempDir Path dir) {
        System.setProperty(PROPERTY, dir.resolve("absent").toString());
        assertThatThrownBy(missing::require)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("is not an executable file");
    }
}
