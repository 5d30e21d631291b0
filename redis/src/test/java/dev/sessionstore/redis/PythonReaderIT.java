package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.testkit.RequiredTool;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python snippets of {@code docs/redis-layout.md}, run as they are printed (with {@code python3} and a
 * minimal RESP client standing in for redis-py), find the sessions the store wrote: the documentation is
 * a reader that works, including after the user index has split. Without {@code python3} the test is skipped, or
 * fails when tools are required ({@link RequiredTool}).
 */
class PythonReaderIT {
    private static final Path LAYOUT_DOC = Path.of("..", "docs", "redis-layout.md");

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore();

    @TempDir
    Path dir;

    @Test
    void theDocumentsPythonFindsASession_andAUsersSessions() throws Exception {
        Path python3 = RequiredTool.PYTHON3.require();
        String tag = SessionToken.tagFor("hana");
        List<String> others = UserIndexIT.usersOfTag(tag, 250);
        List<String> expectedOthers = new ArrayList<>();
        for (String other : others) {
            SessionId id = redis.store()
                    .create(NewSession.builder().userId(other).build())
                    .session()
                    .id();
            expectedOthers.add(other + " " + id.value());
        }
        CreatedSession first = redis.store()
                .create(NewSession.builder()
                        .userId("hana")
                        .attribute("theme", JsonValue.of("dark"))
                        .index("tenant", "acme")
                        .build());
        SessionId second = redis.store()
                .create(NewSession.builder().userId("hana").build())
                .session()
                .id();
        CreatedSession revoked =
                redis.store().create(NewSession.builder().userId("hana").build());
        redis.store().revoke(revoked.token());
        assertThat(redis.probe().redis().hget("ss:{" + tag + "}:u", "l"))
                .as("the index has split")
                .isNotEqualTo("0");

        String script = String.join("\n", pythonBlocks()) + """

                import sys
                r = redis.Redis(port=int(sys.argv[1]))
                sid, fields = find_session(r, sys.argv[2])
                print(sid, fields["u"], fields["@theme"], fields["x.tenant"], fields["version"])
                print(find_session(r, sys.argv[3]))
                print(" ".join(sorted(user_session_ids(r, "hana", sys.argv[4]))))
                for user in sys.argv[5].split(","):
                    print(user, " ".join(user_session_ids(r, user, sys.argv[4])))
                """;
        Path file = dir.resolve("reader.py");
        Files.writeString(file, "import redis\n" + script);

        List<String> out = python(
                python3,
                file,
                Integer.toString(redis.port()),
                first.token().reveal(),
                revoked.token().reveal(),
                tag,
                String.join(",", others));

        assertThat(out.subList(3, out.size())).containsExactlyElementsOf(expectedOthers);
        assertThat(out.subList(0, 3))
                .containsExactly(
                        first.session().id().value() + " hana \"dark\" acme 1",
                        "None",
                        String.join(
                                " ",
                                List.of(first.session().id().value(), second.value()).stream()
                                        .sorted()
                                        .toList()));
    }

    @Test
    void theDocumentsPythonReadsTheEvents_withAConsumerGroup() throws Exception {
        Path python3 = RequiredTool.PYTHON3.require();
        try (RedisSessionStore store =
                RedisSessionStore.builder().redisUri(redis.uri()).events(true).build()) {
            CreatedSession created = store.create(NewSession.forUser("hana"));
            store.update(
                    created.token(),
                    SessionUpdate.builder().set("theme", JsonValue.of("dark")).build());
            CreatedSession rotated = store.rotate(created.token());
            store.revoke(rotated.token());
            CreatedSession anonymous = store.create(NewSession.anonymous());

            String script = String.join("\n", pythonBlocks()) + """

                    import sys
                    r = redis.Redis(port=int(sys.argv[1]))
                    ensure_group(r, "py")
                    seen = []
                    read_events(r, "py", "reader-1", seen.append)
                    seen.sort(key=lambda e: (e["id"].split(":")[0], int(e["id"].split(":")[1].split("-")[0]),
                                             int(e["id"].split("-")[1])))
                    for e in seen:
                        print(e["type"], e["session"], e["user"], e["previous"], ",".join(e["attributes"]))
                    print("again", read_events(r, "py", "reader-1", seen.append))
                    """;
            Path file = dir.resolve("events.py");
            Files.writeString(file, "import redis\n" + script);

            List<String> out = python(python3, file, Integer.toString(redis.port()));

            String before = created.session().id().value();
            String after = rotated.session().id().value();
            assertThat(out.stream().filter(line -> line.contains(" hana ")))
                    .as("one session's events, in order")
                    .containsExactly(
                            "created " + before + " hana None ",
                            "updated " + before + " hana None theme",
                            "rotated " + after + " hana " + before + " ",
                            "revoked " + after + " hana None ");
            assertThat(out)
                    .hasSize(6)
                    .contains("created " + anonymous.session().id().value() + " None None ")
                    .endsWith("again 0");
            assertThat(String.join("\n", out)).doesNotContain(created.token().reveal());
        }
    }

    private static List<String> pythonBlocks() throws IOException {
        Matcher m = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(LAYOUT_DOC, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("python blocks in " + LAYOUT_DOC).hasSize(3);
        return blocks;
    }

    private List<String> python(Path python3, Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python3.toString(), script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", shimDir().toString());
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("python3 finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static Path shimDir() throws URISyntaxException {
        return Path.of(PythonReaderIT.class
                        .getResource("/python/redis/__init__.py")
                        .toURI())
                .getParent()
                .getParent();
    }
}
