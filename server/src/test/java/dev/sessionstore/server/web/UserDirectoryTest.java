package dev.sessionstore.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
    @Test
    void bundledDemoAccounts_acceptTheirDocumentedPasswordsOnly() {
        UserDirectory users = UserDirectory.load(Optional.empty());
        assertThat(users.authenticate("alice", "alice-demo-pass")).isTrue();
        assertThat(users.authenticate("bob", "bob-demo-pass")).isTrue();
        assertThat(users.authenticate("alice", "bob-demo-pass")).isFalse();
        assertThat(users.authenticate("mallory", "alice-demo-pass")).isFalse();
        assertThat(users.authenticate("alice", "x".repeat(200))).isFalse();
    }

    @Test
    void parse_refusesAPlaintextPassword() {
        assertThatThrownBy(() -> UserDirectory.parse("dave = hunter2\n", "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dave")
                .hasMessageNotContaining("hunter2");
    }
}
