package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenTest {
    private static final String CANONICAL_LAST = "AEIMQUYcgkosw048";

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void generated_hasTheFormat_andParsesBack() {
        SessionToken token = SessionToken.generate("alice");
        String text = token.reveal();

        assertThat(text).hasSize(SessionToken.LENGTH).startsWith(SessionToken.PREFIX);
        assertThat(text.substring(4, 6)).isEqualTo(token.tag()).matches("[0-9a-f]{2}");
        assertThat(text.substring(6)).matches("[A-Za-z0-9_-]{43}");
        assertThat(SessionToken.parse(text)).isEqualTo(token).hasSameHashCodeAs(token);
        assertThat(SessionToken.tryParse(text)).contains(token);
    }

    @Test
    void secret_is256RandomBits_uniqueOverManyTokens() {
        Set<String> secrets = new HashSet<>();
        Set<SessionId> ids = new HashSet<>();
        int[] bitCounts = new int[256];
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            SessionToken t = SessionToken.generateAnonymous();
            byte[] secret = Base64.getUrlDecoder().decode(t.reveal().substring(6));
            if (secret.length != 32) {
                throw new AssertionError("secret of " + secret.length + " bytes");
            }
            for (int bit = 0; bit < 256; bit++) {
                bitCounts[bit] += (secret[bit / 8] >> (bit % 8)) & 1;
            }
            secrets.add(t.reveal().substring(6));
            ids.add(t.id());
        }
        assertThat(secrets).hasSize(n);
        assertThat(ids).hasSize(n);
        // every bit is set about half the time (n/2 = 5,000; 8 standard deviations = 400)
        assertThat(IntStream.of(bitCounts).boxed().toList())
                .allSatisfy(c -> assertThat(c).isBetween(n / 2 - 400, n / 2 + 400));
    }

    /** The generators are striped by thread: 16 threads' tokens are all distinct, well formed, with their ids. */
    @Test
    void generatedOnManyThreads_areUniqueAndWellFormed() throws Exception {
        int threads = 16;
        int each = 2_000;
        Set<String> secrets = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    SessionToken token = SessionToken.generate("user-" + i);
                    assertThat(SessionToken.tryParse(token.reveal())).contains(token);
                    secrets.add(token.reveal().substring(6));
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(secrets).hasSize(threads * each);
    }

    @Test
    void tag_isTheFirstByteOfSha256OfTheUserId() throws Exception {
        for (String user : new String[] {"alice", "bob", "ü-ser", "{tag}", "x".repeat(300)}) {
            String expected = HexFormat.of().toHexDigits(sha256(user)[0]);
            assertThat(SessionToken.tagFor(user)).isEqualTo(expected);
            assertThat(SessionToken.generate(user).tag()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> SessionToken.tagFor(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anonymousTags_areRandom() {
        Set<String> tags = new HashSet<>();
        IntStream.range(0, 2_000)
                .forEach(i -> tags.add(SessionToken.generateAnonymous().tag()));

        assertThat(tags).hasSizeGreaterThan(200).allSatisfy(t -> assertThat(t).matches("[0-9a-f]{2}"));
    }

    @Test
    void generateWithTag_keepsTheTag_andRejectsBadTags() {
        assertThat(SessionToken.generateWithTag("a0").tag()).isEqualTo("a0");
        for (String bad : new String[] {"A0", "a", "abc", "zz", "", " 1"}) {
            assertThatThrownBy(() -> SessionToken.generateWithTag(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SessionToken.generateWithTag(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_neverShowsTheSecret() {
        SessionToken token = SessionToken.generate("alice");
        String secret = token.reveal().substring(6);

        assertThat(token.toString()).contains(token.tag()).doesNotContain(token.reveal());
        for (int i = 0; i + 6 <= secret.length(); i++) {
            assertThat(token.toString()).doesNotContain(secret.substring(i, i + 6));
        }
    }

    @Test
    void id_isDerivedFromTheHash_stable_andUselessAsAToken() throws Exception {
        SessionToken token = SessionToken.generate("alice");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.reveal().getBytes(StandardCharsets.US_ASCII));
        String expected = token.tag()
                + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);

        assertThat(token.sha256()).isEqualTo(hash);
        assertThat(token.id().value()).isEqualTo(expected).hasSize(SessionId.LENGTH);
        assertThat(token.id()).isEqualTo(SessionToken.parse(token.reveal()).id());
        assertThat(token.id().tag()).isEqualTo(token.tag());
        assertThat(token.reveal()).doesNotContain(token.id().value().substring(2));
        assertThat(SessionToken.tryParse(token.id().value())).isEmpty();
        assertThat(SessionToken.tryParse(SessionToken.PREFIX + token.id().value()))
                .isEmpty();
        assertThat(SessionId.tryParse(token.id().value())).contains(token.id());
    }

    @Test
    void everyCanonicalLastCharacter_isAccepted_othersAreNot() {
        String base = SessionToken.generate("alice").reveal().substring(0, SessionToken.LENGTH - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char c : alphabet.toCharArray()) {
            boolean canonical = CANONICAL_LAST.indexOf(c) >= 0;
            assertThat(SessionToken.tryParse(base + c).isPresent())
                    .as("last char " + c)
                    .isEqualTo(canonical);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", // empty
                "sst_", // prefix only
                "sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 48 characters
                "sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 50 characters
                "sst-00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // wrong separator
                "SST_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // upper-case prefix
                "tok_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // other prefix
                "sst_0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // tag of one digit
                "sst_ABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // upper-case tag
                "sst_zzAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // non-hex tag
                "sst_00AAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAAAA", // base64 '+', not base64url
                "sst_00AAAAAAAAAAAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAA", // base64 '/'
                "sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", // padding
                "sst_00AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA", // space
                "sst_00AAAAAAAAAAAAAAAAAAAAAéAAAAAAAAAAAAAAAAAAAAA", // non-ASCII
                "sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", // non-canonical last character
                " sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // leading space
                "sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", // trailing newline
            })
    void tryParse_rejectsNearMisses(String text) {
        assertThat(SessionToken.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> SessionToken.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(text.isEmpty() ? "\u0000" : text);
    }

    @Test
    void theNearMissBase_isItselfValid() {
        assertThat(SessionToken.tryParse("sst_00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isPresent();
        assertThat(SessionToken.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> SessionToken.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equality_isByText() {
        SessionToken a = SessionToken.generate("alice");
        SessionToken b = SessionToken.generate("alice");

        assertThat(a).isNotEqualTo(b).isNotEqualTo(a.reveal());
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    /**
     * The hand-written checks accept exactly what the formats' regular expressions accept: every one-character change
     * of a valid token and id (each position, a spread of characters, ASCII and beyond) is judged the same way.
     */
    @Test
    void parsing_agreesWithTheFormatsRegularExpressions_onEveryOneCharacterChange() {
        java.util.regex.Pattern tokenFormat =
                java.util.regex.Pattern.compile("sst_[0-9a-f]{2}[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
        java.util.regex.Pattern idFormat = java.util.regex.Pattern.compile("[0-9a-f]{2}[A-Za-z0-9_-]{22}");
        String chars = "\u0000 !\"#$%&'()*+,-./0123456789:;<=>?@AEFGQZ[\\]^_`aefgqz{|}~\u007f\u00e9\u20ac";
        int checked = 0;
        for (int round = 0; round < 20; round++) {
            String token = SessionToken.generate("user" + round).reveal();
            String id = SessionToken.tryParse(token).orElseThrow().id().value();
            for (String valid : new String[] {token, id}) {
                for (int pos = 0; pos < valid.length(); pos++) {
                    for (char c : chars.toCharArray()) {
                        String text = valid.substring(0, pos) + c + valid.substring(pos + 1);
                        assertThat(SessionToken.tryParse(text).isPresent())
                                .as(text)
                                .isEqualTo(tokenFormat.matcher(text).matches());
                        assertThat(SessionId.tryParse(text).isPresent())
                                .as(text)
                                .isEqualTo(idFormat.matcher(text).matches());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50_000);
    }
}
