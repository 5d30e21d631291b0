package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.testkit.RedisClusterExtension;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a private three-master cluster, a script flushed from one node is loaded again on that node alone. */
class RedisCallsClusterIT {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    private RedisLink link;
    private RedisCalls calls;

    @BeforeEach
    void connect() {
        RedisClientSettings settings =
                RedisClientSettings.of(RedisURI.create(cluster.uri(0)), true, Duration.ofSeconds(2));
        link = RedisLink.open(settings, Optional.empty(), new TestExceptions());
        calls = new RedisCalls(link);
    }

    @AfterEach
    void close() {
        link.close();
    }

    @Test
    void noscript_onOneNode_reloadsTheScriptOnThatNodeOnly() {
        List<String> keyPerNode = keyPerNode();
        for (String key : keyPerNode) {
            assertThat(calls.run(new RedisCallsIT.Add(key, 1))).isEqualTo(1L);
        }
        assertThat(scriptOnNodes()).containsExactly(true, true, true);
        assertThat(cluster.nodes().get(1).sendQuietly("SCRIPT FLUSH")).isEqualTo("+OK");
        assertThat(scriptOnNodes()).containsExactly(true, false, true);

        for (String key : keyPerNode) {
            assertThat(calls.run(new RedisCallsIT.Add(key, 1))).isEqualTo(2L);
        }
        assertThat(scriptOnNodes()).containsExactly(true, true, true);
        assertThat(link.sync().get(keyPerNode.get(1))).isEqualTo("2");
    }

    @Test
    void aScriptOfALibrary_staysOnEvalsha_onACluster() {
        LuaLibrary library = LuaLibrary.of(
                "test", "t", "", new LinkedHashMap<>(Map.of("ADD", RedisCallsIT.Add.SCRIPT.text() + "\n")));
        LuaScript<Long> bound = library.runs(RedisCallsIT.Add.SCRIPT);
        ScriptCall<Long> call = new ScriptCall<>() {
            @Override
            public LuaScript<Long> script() {
                return bound;
            }

            @Override
            public String[] keys() {
                return new String[] {"library-counter"};
            }

            @Override
            public String[] args() {
                return new String[] {"5"};
            }
        };

        assertThat(calls.usesFunctions()).isFalse();
        assertThat(calls.run(call)).isEqualTo(5L);
        for (int i = 0; i < RedisClusterExtension.NODES; i++) {
            // no library anywhere (Redis 6.2 has no FUNCTION command)
            assertThat(cluster.nodes().get(i).sendQuietly("FUNCTION LIST"))
                    .as("node " + i)
                    .matches("\\*0|-ERR unknown command.*");
        }
    }

    /** Whether each node has the script cached. */
    private static List<Boolean> scriptOnNodes() {
        List<Boolean> cached = new ArrayList<>();
        for (int i = 0; i < RedisClusterExtension.NODES; i++) {
            RedisClientSettings node =
                    RedisClientSettings.of(RedisURI.create(cluster.uri(i)), false, Duration.ofSeconds(2));
            try (RedisLink direct = RedisLink.open(node, Optional.empty(), new TestExceptions())) {
                cached.addAll(direct.sync().scriptExists(RedisCallsIT.Add.SCRIPT.sha()));
            }
        }
        return cached;
    }

    /** One key whose slot node {@code i} owns, for each node. */
    private static List<String> keyPerNode() {
        List<String> keys = new ArrayList<>();
        for (int i = 0, n = 0; keys.size() < RedisClusterExtension.NODES; n++) {
            String key = "k" + n;
            if (RedisClusterExtension.owner(SlotHash.getSlot(key)) == i) {
                keys.add(key);
                i++;
            }
        }
        return keys;
    }
}
