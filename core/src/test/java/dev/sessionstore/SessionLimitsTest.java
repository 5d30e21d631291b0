package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.IntFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {
    /** maxAttributes 3, maxNameLength 5, maxValueBytes 10, maxSessionBytes 20, maxJsonDepth 2, maxIndexes 2,
     * maxIndexValueLength 4, maxUserIdLength 6, maxSessionsPerUser 7. */
    private final SessionLimits limits = new SessionLimits(3, 5, 10, 20, 2, 2, 4, 6, 7);

    private static void assertLimit(String limit, long max, long actual, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(limit);
            assertThat(e.max()).isEqualTo(max);
            assertThat(e.actual()).isEqualTo(actual);
            assertThat(e).hasMessageContaining(limit);
        });
    }

    private static void assertMalformed(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userId_isBoundedAndWellFormed() {
        assertThatCode(() -> limits.checkUserId("abcdef")).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkUserId("😀😀😀")).doesNotThrowAnyException();
        assertLimit("maxUserIdLength", 6, 7, () -> limits.checkUserId("abcdefg"));
        assertMalformed(() -> limits.checkUserId(""));
        assertMalformed(() -> limits.checkUserId(null));
        assertMalformed(() -> limits.checkUserId("a\tb"));
        assertMalformed(() -> limits.checkUserId("a\u007fb"));
    }

    @Test
    void unpairedSurrogates_areRejected_becauseUtf8WouldMergeThem() {
        assertMalformed(() -> limits.checkUserId("a\ud800"));
        assertMalformed(() -> limits.checkUserId("\udc00a"));
        assertMalformed(() -> limits.checkUserId("\ude00\ud83d"));
        assertMalformed(() -> limits.checkAttribute("x\ud800", JsonValue.TRUE));
        assertMalformed(() -> limits.checkIndex("ten", "\udfff"));
    }

    @Test
    void attribute_nameLengthValueBytesAndDepth() {
        assertThatCode(() -> limits.checkAttribute("abcde", JsonValue.of("12345678")))
                .doesNotThrowAnyException();
        assertLimit("maxNameLength", 5, 6, () -> limits.checkAttribute("abcdef", JsonValue.TRUE));
        assertLimit("maxValueBytes", 10, 11, () -> limits.checkAttribute("a", JsonValue.of("123456789")));
        assertLimit("maxValueBytes", 10, 13, () -> limits.checkAttribute("a", JsonValue.of("éééé√")));
        assertLimit("maxJsonDepth", 2, 3, () -> limits.checkAttribute("a", JsonValue.parse("[[[]]]")));
        assertThatCode(() -> limits.checkAttribute("a", JsonValue.parse("{\"b\":[]}")))
                .doesNotThrowAnyException();
        assertMalformed(() -> limits.checkAttribute("", JsonValue.TRUE));
        assertMalformed(() -> limits.checkAttribute("a\nb", JsonValue.TRUE));
    }

    @Test
    void totals_countAndBytes() {
        assertThatCode(() -> limits.checkTotals(3, 20)).doesNotThrowAnyException();
        assertLimit("maxAttributes", 3, 4, () -> limits.checkTotals(4, 0));
        assertLimit("maxSessionBytes", 20, 21, () -> limits.checkTotals(1, 21));
    }

    @Test
    void attributeBytes_countNameAndCompactJsonInUtf8() {
        assertThat(SessionLimits.attributeBytes("é", JsonValue.of("ü"))).isEqualTo(2 + 4);
        assertThat(SessionLimits.attributeBytes("a", JsonValue.parse(" [ 1 , 2 ] ")))
                .isEqualTo(1 + 5);
    }

    @Test
    void index_nameCharactersValueLength() {
        assertThatCode(() -> limits.checkIndex("a.b-c", "1234")).doesNotThrowAnyException();
        assertLimit("maxNameLength", 5, 6, () -> limits.checkIndex("abcdef", "v"));
        assertLimit("maxIndexValueLength", 4, 5, () -> limits.checkIndex("a", "12345"));
        for (String bad : new String[] {"a b", "a:b", "a{b", "ü", "a/b", ""}) {
            assertMalformed(() -> limits.checkIndex(bad, "v"));
        }
        assertMalformed(() -> limits.checkIndex("a", ""));
        assertMalformed(() -> limits.checkIndex("a", "v\u0000"));
    }

    @Test
    void newSession_isCheckedWhole() {
        IntFunction<NewSession.Builder> withIndexes = n -> {
            NewSession.Builder b = NewSession.builder();
            for (int i = 0; i < n; i++) {
                b.index("i" + i, "v");
            }
            return b;
        };
        assertThatCode(() -> limits.checkNew(withIndexes.apply(2).userId("u").build()))
                .doesNotThrowAnyException();
        assertLimit(
                "maxIndexes", 2, 3, () -> limits.checkNew(withIndexes.apply(3).build()));
        assertLimit("maxUserIdLength", 6, 7, () -> limits.checkNew(NewSession.forUser("1234567")));
        assertLimit(
                "maxAttributes",
                3,
                4,
                () -> limits.checkNew(NewSession.builder()
                        .attribute("a", JsonValue.TRUE)
                        .attribute("b", JsonValue.TRUE)
                        .attribute("c", JsonValue.TRUE)
                        .attribute("d", JsonValue.TRUE)
                        .build()));
        assertLimit(
                "maxSessionBytes",
                20,
                22,
                () -> limits.checkNew(NewSession.builder()
                        .attribute("a", JsonValue.of("12345678"))
                        .attribute("b", JsonValue.of("12345678"))
                        .build()));
        assertLimit(
                "maxValueBytes",
                10,
                11,
                () -> limits.checkNew(NewSession.builder()
                        .attribute("a", JsonValue.of("123456789"))
                        .build()));
    }

    @Test
    void update_checksEachChangeButNotTotals() {
        SessionUpdate ok = SessionUpdate.builder()
                .set("a", JsonValue.of("12345678"))
                .set("b", JsonValue.of("12345678"))
                .remove("c")
                .build();
        assertThatCode(() -> limits.checkUpdate(ok)).doesNotThrowAnyException();
        assertLimit(
                "maxAttributes",
                3,
                4,
                () -> limits.checkUpdate(SessionUpdate.builder()
                        .remove("a")
                        .remove("b")
                        .remove("c")
                        .remove("d")
                        .build()));
        assertLimit(
                "maxNameLength",
                5,
                6,
                () -> limits.checkUpdate(
                        SessionUpdate.builder().remove("abcdef").build()));
        assertLimit(
                "maxJsonDepth",
                2,
                3,
                () -> limits.checkUpdate(SessionUpdate.builder()
                        .set("a", JsonValue.parse("[[[1]]]"))
                        .build()));
        assertMalformed(
                () -> limits.checkUpdate(SessionUpdate.builder().remove("").build()));
    }

    @Test
    void settings_outOfRange_areRejectedNamingTheSettingAndValue() {
        assertThatThrownBy(() -> new SessionLimits(0, 5, 10, 20, 2, 2, 4, 6, 7))
                .hasMessageContaining("maxAttributes")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new SessionLimits(3, 0, 10, 20, 2, 2, 4, 6, 7)).hasMessageContaining("maxNameLength");
        assertThatThrownBy(() -> new SessionLimits(3, 5, -1, 20, 2, 2, 4, 6, 7))
                .hasMessageContaining("maxValueBytes")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 0, 2, 2, 4, 6, 7)).hasMessageContaining("maxSessionBytes");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 20, 513, 2, 4, 6, 7))
                .hasMessageContaining("maxJsonDepth")
                .hasMessageContaining("513");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 20, 2, 65, 4, 6, 7))
                .hasMessageContaining("maxIndexes");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 20, 2, 2, 0, 6, 7))
                .hasMessageContaining("maxIndexValueLength");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 20, 2, 2, 4, 0, 7))
                .hasMessageContaining("maxUserIdLength");
        assertThatThrownBy(() -> new SessionLimits(3, 5, 10, 20, 2, 2, 4, 6, 0))
                .hasMessageContaining("maxSessionsPerUser");
        assertThatThrownBy(() -> SessionLimits.defaults().withMaxSessionsPerUser(100_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new SessionLimits(3, 5, 10, 20, 0, 0, 4, 6, 7)).doesNotThrowAnyException();
    }

    @Test
    void defaults_areAsDocumented() {
        assertThat(SessionLimits.defaults())
                .isEqualTo(new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 16, 8, 256, 256, 50));
        assertThat(SessionLimits.defaults().withMaxAttributes(9).maxAttributes())
                .isEqualTo(9);
        assertThat(SessionLimits.defaults().withMaxValueBytes(9).maxValueBytes())
                .isEqualTo(9);
        assertThat(SessionLimits.defaults().withMaxSessionBytes(9).maxSessionBytes())
                .isEqualTo(9);
    }
}
