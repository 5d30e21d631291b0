package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The schema check finds what is wrong with a response, so a passing {@link OpenApiRoutesTest} means something. */
class SchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = """
            {"id":"abc","userId":null,"createdAt":"2030-01-01T00:00:00Z","lastAccessedAt":"2030-01-01T00:00:00Z",
            "expiresAt":"2030-01-01T00:30:00Z","absoluteExpiresAt":"2030-01-01T12:00:00Z","version":1,
            "attributes":{"cart":[1]},"indexes":{"tenant":"acme"}}""";

    private final JsonNode doc = load();
    private final SchemaCheck check = new SchemaCheck(doc);
    private final JsonNode sessionSchema = JSON.createObjectNode().put("$ref", "#/components/schemas/Session");

    private static JsonNode load() {
        try (InputStream in = SchemaCheckTest.class.getResourceAsStream("/openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode session() throws IOException {
        return (ObjectNode) JSON.readTree(SESSION);
    }

    @Test
    void aSessionAsTheServerSendsIt_passes() throws IOException {
        assertThat(check.violations(session(), sessionSchema)).isEmpty();
    }

    @Test
    void missingMembers_wrongTypes_badFormats_andUndocumentedMembers_areReported() throws IOException {
        ObjectNode s = session();
        s.remove("expiresAt");
        s.put("version", "1");
        s.put("createdAt", "yesterday");
        s.put("undocumented", true);
        ((ObjectNode) s.get("indexes")).put("tenant", 7);

        assertThat(check.violations(s, sessionSchema))
                .containsExactlyInAnyOrder(
                        "$: missing required member \"expiresAt\"",
                        "$.version: expected \"integer\", got STRING",
                        "$.createdAt: not a date-time: yesterday",
                        "$.undocumented: not described by the schema",
                        "$.indexes.tenant: expected \"string\", got NUMBER");
    }

    @Test
    void listsAndNestedReferences_areChecked() throws IOException {
        ObjectNode bad = session();
        bad.put("userId", 3);
        JsonNode list = JSON.createObjectNode()
                .put("nextCursor", (String) null)
                .set("sessions", JSON.createArrayNode().add(session()).add(bad));

        assertThat(check.violations(list, JSON.createObjectNode().put("$ref", "#/components/schemas/SessionPage")))
                .containsExactly("$.sessions[1].userId: expected [\"string\",\"null\"], got NUMBER");
    }

    @Test
    void aKeywordTheCheckDoesNotKnow_isAnError_notIgnored() {
        JsonNode schema = JSON.createObjectNode().put("type", "string").put("minLength", 3);

        assertThatThrownBy(() -> check.violations(JSON.getNodeFactory().textNode("ab"), schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minLength");
    }
}
