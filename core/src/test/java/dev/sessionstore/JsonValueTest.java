package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValueTest {

    /** A JSON document as a tree, rendered two ways: compact (as JsonValue writes it) and loose. */
    sealed interface J {}

    record Str(String value) implements J {}

    record Num(String text) implements J {}

    record Lit(String word) implements J {}

    record Arr(List<J> items) implements J {}

    record Obj(List<Map.Entry<String, J>> members) implements J {}

    @Property(tries = 400)
    void anyJson_roundTripsThroughParseAndJson(@ForAll("documents") J doc) {
        String compact = compact(doc);

        JsonValue parsed = JsonValue.parse(loose(doc));

        assertThat(parsed.json()).isEqualTo(compact);
        assertThat(JsonValue.parse(parsed.json())).isEqualTo(parsed);
        assertThat(JsonValue.parse(parsed.json()).json()).isEqualTo(compact);
        assertThat(parsed.depth()).isEqualTo(depth(doc));
        assertThat(parsed.kind()).isEqualTo(kind(doc));
    }

    @Property(tries = 200)
    void everyProperPrefixOfAContainerOrString_isRejected(@ForAll("delimited") J doc) {
        String text = compact(doc);
        for (int end = 0; end < text.length(); end++) {
            String prefix = text.substring(0, end);
            assertThatThrownBy(() -> JsonValue.parse(prefix)).as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 500)
    void anyJavaString_roundTripsAsAJsonString(@ForAll("anyChars") String s) {
        JsonValue v = JsonValue.of(s);

        assertThat(v.asString()).contains(s);
        assertThat(JsonValue.parse(v.json())).isEqualTo(v);
        assertThat(v.json().chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
        assertThat(v.kind()).isEqualTo(JsonValue.Kind.STRING);
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
    }

    @Provide
    Arbitrary<J> documents() {
        return document(4);
    }

    /** Documents that end with a closing delimiter: arrays, objects and strings. */
    @Provide
    Arbitrary<J> delimited() {
        return document(4).filter(d -> d instanceof Arr || d instanceof Obj || d instanceof Str);
    }

    private static Arbitrary<J> document(int depth) {
        Arbitrary<J> scalar = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange(' ', '\uffff')
                        .withChars('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028')
                        .ofMaxLength(12)
                        .filter(JsonValueTest::wellFormedUtf16)
                        .map(Str::new),
                numbers().map(Num::new),
                Arbitraries.of("true", "false", "null").map(Lit::new));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<J> inner = Arbitraries.lazy(() -> document(depth - 1));
        Arbitrary<J> array = inner.list().ofMaxSize(4).map(Arr::new);
        Arbitrary<J> object = Combinators.combine(Arbitraries.strings().ofMaxLength(5), inner)
                .as(Map::entry)
                .list()
                .ofMaxSize(4)
                .map(Obj::new);
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<String> numbers() {
        Arbitrary<String> integer = Arbitraries.oneOf(
                Arbitraries.just("0"),
                Arbitraries.bigIntegers()
                        .between(BigDecimal.ONE.toBigInteger(), new BigDecimal("1e40").toBigInteger())
                        .map(Object::toString));
        Arbitrary<String> fraction =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> exponent = Combinators.combine(
                        Arbitraries.of("e", "E"),
                        Arbitraries.of("", "+", "-"),
                        Arbitraries.integers().between(0, 400))
                .as((e, sign, n) -> e + sign + n);
        return Combinators.combine(Arbitraries.of("", "-"), integer, fraction.injectNull(0.5), exponent.injectNull(0.6))
                .as((sign, i, f, e) -> sign + i + (f == null ? "" : "." + f) + (e == null ? "" : e));
    }

    private static boolean wellFormedUtf16(String s) {
        return s.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff);
    }

    /** The compact form JsonValue writes: no whitespace, minimal escapes. */
    private static String compact(J doc) {
        return switch (doc) {
            case Str s -> JsonText.quote(s.value());
            case Num n -> n.text();
            case Lit l -> l.word();
            case Arr a -> a.items().stream().map(JsonValueTest::compact).collect(Collectors.joining(",", "[", "]"));
            case Obj o ->
                o.members().stream()
                        .map(m -> JsonText.quote(m.getKey()) + ":" + compact(m.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
        };
    }

    /** The same document with whitespace everywhere and every string character written as a \\u escape. */
    private static String loose(J doc) {
        return switch (doc) {
            case Str s -> escapeAll(s.value());
            case Num n -> " " + n.text() + "\t";
            case Lit l -> "\r\n" + l.word() + " ";
            case Arr a -> a.items().stream().map(JsonValueTest::loose).collect(Collectors.joining(" , ", " [ ", " ] "));
            case Obj o ->
                o.members().stream()
                        .map(m -> "\n" + escapeAll(m.getKey()) + " :\t" + loose(m.getValue()))
                        .collect(Collectors.joining(",\n", "{", "\n}"));
        };
    }

    private static String escapeAll(String s) {
        return s.chars().mapToObj(c -> String.format("\\u%04X", c)).collect(Collectors.joining("", " \"", "\" "));
    }

    private static int depth(J doc) {
        return switch (doc) {
            case Arr a ->
                1 + a.items().stream().mapToInt(JsonValueTest::depth).max().orElse(0);
            case Obj o ->
                1
                        + o.members().stream()
                                .mapToInt(m -> depth(m.getValue()))
                                .max()
                                .orElse(0);
            default -> 0;
        };
    }

    private static JsonValue.Kind kind(J doc) {
        return switch (doc) {
            case Str s -> JsonValue.Kind.STRING;
            case Num n -> JsonValue.Kind.NUMBER;
            case Lit l -> l.word().equals("null") ? JsonValue.Kind.NULL : JsonValue.Kind.BOOLEAN;
            case Arr a -> JsonValue.Kind.ARRAY;
            case Obj o -> JsonValue.Kind.OBJECT;
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "nul",
                "tru",
                "True",
                "NaN",
                "Infinity",
                "-Infinity",
                "+1",
                "01",
                "-",
                "1.",
                ".5",
                "1e",
                "1e+",
                "0x10",
                "1 2",
                "[1,]",
                "[,1]",
                "[",
                "]",
                "{",
                "}",
                "{\"a\"}",
                "{\"a\":1,}",
                "{a:1}",
                "{'a':1}",
                "'a'",
                "\"abc",
                "\"\\x\"",
                "\"\\u12\"",
                "\"\\u12g4\"",
                "\"\\u١٢٣٤\"",
                "\"\\uＡＢＣＤ\"",
                "\"a\tb\"",
                "\"\u0000\"",
                "[1]x",
                "\uFEFF1",
                "\f1",
                "\u00a01",
                "[1\u00a0]",
                "//1",
                "1 // c",
                "[\"a\" \"b\"]",
                "{\"a\" 1}"
            })
    void malformedText_isRejected(String text) {
        assertThatThrownBy(() -> JsonValue.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at offset");
    }

    @Test
    void null_isRejected() {
        assertThatThrownBy(() -> JsonValue.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.of((String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nestingToTheParseLimit_isAccepted_deeperIsRejected() {
        int max = JsonValue.MAX_PARSE_DEPTH;
        JsonValue deepest = JsonValue.parse("[".repeat(max) + "]".repeat(max));
        assertThat(deepest.depth()).isEqualTo(max);

        assertThatThrownBy(() -> JsonValue.parse("[".repeat(max + 1) + "]".repeat(max + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting deeper than " + max);
    }

    @Test
    void hugeNesting_isRejectedWithoutStackOverflow() {
        assertThatThrownBy(() -> JsonValue.parse("[".repeat(100_000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.parse("{\"a\":".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.parse("[{\"a\":".repeat(50_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactForm_dropsWhitespace_keepsNumberTextAndMemberOrder() {
        JsonValue v = JsonValue.parse(" { \"b\" : [ 1.50 , 1E+2 , -0 ] ,\n\"a\" : { } } ");

        assertThat(v.json()).isEqualTo("{\"b\":[1.50,1E+2,-0],\"a\":{}}");
        assertThat(v.depth()).isEqualTo(2);
        assertThat(v).isEqualTo(JsonValue.parse(v.json())).hasSameHashCodeAs(JsonValue.parse(v.json()));
    }

    @Test
    void escapes_areNormalised() {
        assertThat(JsonValue.parse("\"\\/\\u0041\\b\\f\\n\\ud83d\\ude00\\u2028\"")
                        .json())
                .isEqualTo("\"/A\\u0008\\u000c\\n😀\\u2028\"");
        assertThat(JsonValue.parse("\"\\ud800\"").json()).isEqualTo("\"\\ud800\"");
    }

    @Test
    void accessors_answerOnlyForTheirKind() {
        assertThat(JsonValue.of("x").asString()).contains("x");
        assertThat(JsonValue.of(7).asLong()).hasValue(7);
        assertThat(JsonValue.parse("1e2").asLong()).hasValue(100);
        assertThat(JsonValue.parse("1.5").asLong()).isEmpty();
        assertThat(JsonValue.parse("99999999999999999999").asLong()).isEmpty();
        assertThat(JsonValue.parse("99999999999999999999").asNumber()).contains(new BigDecimal("99999999999999999999"));
        assertThat(JsonValue.parse("true").asBoolean()).contains(true);
        assertThat(JsonValue.FALSE.asBoolean()).contains(false);
        assertThat(JsonValue.NULL.asString()).isEmpty();
        assertThat(JsonValue.of("1").asLong()).isEmpty();
        assertThat(JsonValue.of(1).asString()).isEmpty();
        assertThat(JsonValue.of(true).asNumber()).isEmpty();
    }

    @Test
    void numbers_fromJava() {
        assertThat(JsonValue.of(Long.MIN_VALUE).json()).isEqualTo("-9223372036854775808");
        assertThat(JsonValue.parse(JsonValue.of(1e300).json()).asNumber())
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("1e300"));
        assertThatThrownBy(() -> JsonValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8Length_countsBytesOfTheCompactText() {
        assertThat(JsonValue.of("é").utf8Length()).isEqualTo(4);
        assertThat(JsonValue.of("😀").utf8Length()).isEqualTo(6);
        assertThat(JsonValue.of("\n").utf8Length()).isEqualTo(4);
    }

    @Test
    void storedText_isParsedOnFirstUse_andMalformedStoredTextNeverPassesTheLimits() {
        JsonValue stored = JsonValue.ofStored("{\"a\":[1,2]}");
        assertThat(stored).isEqualTo(JsonValue.parse("{ \"a\" : [1, 2] }"));
        assertThat(stored.kind()).isEqualTo(JsonValue.Kind.OBJECT);
        assertThat(stored.depth()).isEqualTo(2);
        assertThat(JsonValue.ofStored("\"dark\"").asString()).contains("dark");

        JsonValue truncated = JsonValue.ofStored("{\"a\":");
        assertThat(truncated.json()).isEqualTo("{\"a\":");
        assertThatThrownBy(truncated::kind).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(JsonValue.ofStored("[1, 2]")::depth).hasMessageContaining("compact");
        assertThatThrownBy(() -> SessionLimits.defaults().checkAttribute("a", JsonValue.ofStored("nope")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.ofStored("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.ofStored(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
