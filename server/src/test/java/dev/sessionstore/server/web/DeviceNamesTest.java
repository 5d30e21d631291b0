package dev.sessionstore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceNamesTest {
    @Test
    void describe_namesBrowserAndSystem() {
        assertThat(
                        DeviceNames.describe(
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"))
                .isEqualTo("Chrome on Linux");
        assertThat(
                        DeviceNames.describe(
                                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iPhone");
        assertThat(DeviceNames.describe(
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox on Windows");
        assertThat(
                        DeviceNames.describe(
                                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0"))
                .isEqualTo("Edge on macOS");
        assertThat(DeviceNames.describe("curl/8.5.0")).isEqualTo("curl");
    }

    @Test
    void describe_unknownOrEmpty_isUnknownDevice() {
        assertThat(DeviceNames.describe("")).isEqualTo("Unknown device");
        assertThat(DeviceNames.describe("\u0000zzz")).isEqualTo("Unknown device");
    }
}
