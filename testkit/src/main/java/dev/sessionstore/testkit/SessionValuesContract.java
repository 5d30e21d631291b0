package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionUpdate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribute values of every JSON kind, and names, user ids and index values of unusual text, round-trip exactly. */
public interface SessionValuesContract extends StoreFixture {

    /** Awkward but valid values, by attribute name (names are awkward too). */
    private static Map<String, JsonValue> awkwardValues() {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        values.put("plain", JsonValue.of("hello"));
        values.put("unicode é ü ✓ 😀", JsonValue.of("日本語 😀 e\u0301"));
        values.put("quotes \"and\" \\slashes\\", JsonValue.of("\"quoted\" \\ back / slash"));
        values.put(
                "controls", JsonValue.of("nul\u0000 bell\u0007 tab\t nl\n cr\r del\u007f ls\u2028 ps\u2029 us\u001f"));
        values.put("lone-surrogate", JsonValue.of("x\ud800y"));
        values.put("empty", JsonValue.of(""));
        values.put("big-int", JsonValue.parse("123456789012345678901234567890"));
        values.put("long-min", JsonValue.of(Long.MIN_VALUE));
        values.put("decimal", JsonValue.parse("-0.000000000000000000001"));
        values.put("exponent", JsonValue.parse("6.02214076E+23"));
        values.put("double", JsonValue.of(0.1));
        values.put("zero", JsonValue.parse("-0"));
        values.put("true", JsonValue.TRUE);
        values.put("false", JsonValue.FALSE);
        values.put("null", JsonValue.NULL);
        values.put("empty-array", JsonValue.parse("[]"));
        values.put("empty-object", JsonValue.parse("{}"));
        values.put("nested", JsonValue.parse("{\"b\":[1,{\"c\":[null,true,\"x\\\"y\"]}],\"a\":{\"\":{}}}"));
        values.put("array", JsonValue.parse("[1.5e-10,\"s\",[[],[{}]],false]"));
        values.put("key.with:colon{tag}", JsonValue.of("{not json}"));
        return values;
    }

    @Test
    default void attributes_roundTripExactly_throughCreate() {
        SessionStore store = openStore(SessionPolicy.defaults());
        Map<String, JsonValue> values = awkwardValues();
        CreatedSession created =
                store.create(NewSession.builder().attributes(values).build());

        assertThat(created.session().attributes()).isEqualTo(values);
        Session read = store.peek(created.token()).orElseThrow();
        assertThat(read.attributes()).isEqualTo(values);
        values.forEach((name, value) ->
                assertThat(read.attribute(name).orElseThrow().json()).as(name).isEqualTo(value.json()));
        assertThat(read.attribute("controls").flatMap(JsonValue::asString))
                .contains("nul\u0000 bell\u0007 tab\t nl\n cr\r del\u007f ls\u2028 ps\u2029 us\u001f");
        assertThat(store.touch(created.token()).orElseThrow().attributes()).isEqualTo(values);
    }

    @Test
    default void attributes_roundTripExactly_throughUpdateAndRotate() {
        SessionStore store = openStore(SessionPolicy.defaults());
        Map<String, JsonValue> values = awkwardValues();
        CreatedSession created = store.create(NewSession.anonymous());
        SessionUpdate.Builder update = SessionUpdate.builder();
        values.forEach(update::set);

        Session updated = store.update(created.token(), update.build());
        CreatedSession rotated = store.rotate(created.token());

        assertThat(updated.attributes()).isEqualTo(values);
        assertThat(rotated.session().attributes()).isEqualTo(values);
        assertThat(store.peek(rotated.token()).orElseThrow().attributes()).isEqualTo(values);
    }

    @Test
    default void userIdsAndIndexValues_ofUnusualText_areKeptApart() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String base = uniqueUser();
        String[] users = {base, base + "{a}", "{" + base + "}", base + " ", base + ":x", base + "é"};
        Map<String, CreatedSession> byUser = new LinkedHashMap<>();
        for (String user : users) {
            byUser.put(
                    user,
                    store.create(
                            NewSession.builder().userId(user).index("v", user).build()));
        }

        byUser.forEach((user, created) -> {
            assertThat(ids(store.listByUser(user)))
                    .as(user)
                    .containsExactly(created.session().id());
            assertThat(ids(store.listByIndex("v", user)))
                    .as(user)
                    .containsExactly(created.session().id());
            assertThat(store.peek(created.token()).orElseThrow().userId()).contains(user);
            assertThat(store.peek(created.token()).orElseThrow().indexes()).containsEntry("v", user);
        });
    }
}
