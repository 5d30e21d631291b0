package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.SessionToken;
import io.lettuce.core.cluster.SlotHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisKeysTest {
    private final RedisKeys keys = new RedisKeys("ss");

    @Test
    void keysOfAUser_andOfTheirSessions_shareOneSlot_whateverTheText() {
        for (String user : List.of("alice", "{bob}", "c}a{rol", "dave:x", "é{")) {
            SessionToken token = SessionToken.generate(user);
            int slot = SlotHash.getSlot(keys.session(token));
            assertThat(SlotHash.getSlot(keys.userIndex(SessionToken.tagFor(user))))
                    .as(user)
                    .isEqualTo(slot);
            assertThat(SlotHash.getSlot(keys.index(token.tag(), "tenant", "{x}:" + user)))
                    .isEqualTo(slot);
            assertThat(SlotHash.getSlot(keys.base(token.tag()) + "u:" + "12345"))
                    .isEqualTo(slot);
            SessionToken rotated = SessionToken.generateWithTag(token.tag());
            assertThat(SlotHash.getSlot(keys.session(rotated))).isEqualTo(slot);
        }
    }

    @Test
    void layout_isAsDocumented() {
        SessionToken token = SessionToken.generate("alice");
        String tag = SessionToken.tagFor("alice");
        assertThat(keys.session(token))
                .isEqualTo("ss:{" + tag + "}:" + token.id().value().substring(2));
        assertThat(keys.session(token)).hasSize("ss:{00}:".length() + 22);
        assertThat(keys.userIndex(SessionToken.tagFor("alice"))).isEqualTo("ss:{" + tag + "}:u");
        assertThat(keys.index("0a", "tenant", "acme")).isEqualTo("ss:{0a}:x:tenant:acme");
        assertThat(keys.sessionPattern()).isEqualTo("ss:{??}:" + "[-_A-Za-z0-9]".repeat(22));
        assertThat(RedisKeys.TAGS).hasSize(256).startsWith("00", "01").endsWith("fe", "ff");
    }

    @Test
    void prefix_withBracesOrGlobCharacters_isRefused_namingTheSetting() {
        for (String bad : new String[] {"", "a{b", "a}b", "a*", "a?", "a[b]", "a b", "x".repeat(65)}) {
            assertThatThrownBy(() -> new RedisKeys(bad)).as(bad).hasMessageContaining("keyPrefix");
        }
        assertThat(new RedisKeys("app-1.sessions:v2").base("ab")).isEqualTo("app-1.sessions:v2:{ab}:");
    }

    @Test
    void scripts_areIdentifiedByTheSha1OfTheirText() {
        for (Script s : Script.values()) {
            assertThat(s.sha()).hasSize(40).matches("[0-9a-f]+");
            assertThat(s.text()).startsWith(LuaText.CONSTANTS).endsWith(s.body());
            assertThat(s.lua().name()).isEqualTo(s.name());
        }
        assertThat(Script.CREATE.sha()).isNotEqualTo(Script.READ.sha());
    }

    @Test
    void sessionKeys_areRecognised_andOtherKeysOfTheStoreAreNot() {
        SessionToken token = SessionToken.generate("alice");
        String key = keys.session(token);
        assertThat(keys.sessionId(key)).contains(token.id());
        assertThat(new RedisKeys("app-1").sessionId("app-1" + key.substring(2))).contains(token.id());
        for (String other : List.of(
                keys.userIndex(SessionToken.tagFor("alice")),
                keys.userIndex(SessionToken.tagFor("alice")) + ":12",
                keys.index("0a", "t", "0123456789abcdefgh"),
                "zz" + key.substring(2),
                key + "x")) {
            assertThat(keys.sessionId(other)).as(other).isEmpty();
        }
    }
}
