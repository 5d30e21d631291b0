package dev.sessionstore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.JsonValue;
import dev.sessionstore.json.fixtures.Cart;
import dev.sessionstore.json.fixtures.Item;
import dev.sessionstore.json.fixtures.Tripwire;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttributeCodecTest {
    private final AttributeCodec codec = AttributeCodec.builder().build();

    private Object roundTrip(AttributeCodec c, Object value) {
        return c.decode(JsonValue.parse(c.encode(value).json()));
    }

    @Test
    void encode_plainScalars_arePlainJson() {
        assertThat(codec.encode("hi").json()).isEqualTo("\"hi\"");
        assertThat(codec.encode(true).json()).isEqualTo("true");
        assertThat(codec.encode(42).json()).isEqualTo("42");
        assertThat(codec.encode(2.5).json()).isEqualTo("2.5");
        assertThat(codec.encode(null)).isEqualTo(JsonValue.NULL);
    }

    @Test
    void decode_plainJsonFromAnotherLanguage_givesNaturalJavaValues() {
        assertThat(codec.decode(JsonValue.parse("\"x\""))).isEqualTo("x");
        assertThat(codec.decode(JsonValue.parse("false"))).isEqualTo(false);
        assertThat(codec.decode(JsonValue.parse("7"))).isEqualTo(7);
        assertThat(codec.decode(JsonValue.parse("1.25"))).isEqualTo(1.25);
        assertThat(codec.decode(JsonValue.NULL)).isNull();
    }

    @Test
    void roundTrip_defaultTypes_keepTheirJavaTypes() {
        UUID id = UUID.randomUUID();
        List<Object> values = List.of(
                "s",
                true,
                12,
                12L,
                3.5,
                new BigDecimal("12.340"),
                new BigInteger("123456789012345678901234567890"),
                id,
                Instant.parse("2030-01-02T03:04:05.123456789Z"));
        for (Object v : values) {
            assertThat(roundTrip(codec, v)).as("%s", v.getClass()).isEqualTo(v).hasSameClassAs(v);
        }
    }

    @Test
    void encode_long_carriesItsType() {
        assertThat(codec.encode(7L).json()).isEqualTo("[\"java.lang.Long\",7]");
    }

    @Test
    void roundTrip_collectionsOfAllowedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", List.of("x", UUID.randomUUID()));
        map.put("c", null);
        assertThat(roundTrip(codec, map)).isEqualTo(map);
        assertThat(roundTrip(codec, new ArrayList<>(List.of(1, "two")))).isEqualTo(List.of(1, "two"));
        assertThat(roundTrip(codec, Set.of("x", "y"))).isEqualTo(Set.of("x", "y"));
        assertThat(roundTrip(codec, List.of())).isEqualTo(List.of());
    }

    @Test
    void roundTrip_allowedRecord_writesItsClassName() {
        AttributeCodec c = AttributeCodec.builder().allow(Cart.class).build();
        Cart cart = new Cart("ann", List.of(new Item("sku-1", 2, new BigDecimal("9.99"))), 5L);

        JsonValue json = c.encode(cart);

        assertThat(json.json()).startsWith("{\"@class\":\"dev.sessionstore.json.fixtures.Cart\"");
        assertThat(c.decode(json)).isEqualTo(cart);
    }

    @Test
    void allowPackage_allowsEveryClassOfThatPackage() {
        AttributeCodec c = AttributeCodec.builder()
                .allowPackage("dev.sessionstore.json.fixtures")
                .build();
        Item item = new Item("s", 1, BigDecimal.ONE);
        assertThat(roundTrip(c, item)).isEqualTo(item);
        assertThatThrownBy(() -> AttributeCodec.builder()
                        .allowPackage("dev.sessionstore")
                        .build()
                        .encode(item))
                .isInstanceOf(DisallowedTypeException.class);
    }

    @Test
    void encode_disallowedType_namesTheTypeAndHowToAllowIt() {
        Item item = new Item("s", 1, BigDecimal.ONE);
        assertThatThrownBy(() -> codec.encode(item))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining("dev.sessionstore.json.fixtures.Item")
                .hasMessageContaining("AttributeCodec.builder().allow(dev.sessionstore.json.fixtures.Item.class)")
                .hasMessageContaining("sessionstore.session.allowed-types");
    }

    @Test
    void encode_disallowedTypeNestedInAllowedValues_isRefused() {
        Item item = new Item("s", 1, BigDecimal.ONE);
        assertThatThrownBy(() -> codec.encode(List.of("a", item)))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(Item.class.getName());
        assertThatThrownBy(() -> codec.encode(Map.of("k", Map.of("k2", item))))
                .isInstanceOf(DisallowedTypeException.class);
        AttributeCodec cartOnly = AttributeCodec.builder().allow(Cart.class).build();
        Cart cart = new Cart("ann", List.of(), new StringBuilder("not allowed"));
        assertThatThrownBy(() -> cartOnly.encode(cart))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining("java.lang.StringBuilder");
    }

    @Test
    void encode_mapWithNonStringKeys_isRefused() {
        assertThatThrownBy(() -> codec.encode(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String keys");
    }

    @Test
    void decode_typeThatIsNoLongerAllowed_throwsDisallowedType() {
        JsonValue stored = AttributeCodec.builder().allow(Item.class).build().encode(new Item("s", 1, BigDecimal.ONE));
        assertThatThrownBy(() -> codec.decode(stored))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(Item.class.getName());
    }

    @Test
    void decode_craftedGadgetTypes_areRefusedWithoutInstantiation() {
        List<String> crafted = List.of(
                "{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"/tmp/pwned\"]}",
                "[\"java.lang.ProcessBuilder\",{\"command\":[\"touch\",\"/tmp/pwned\"]}]",
                "[\"java.util.ArrayList\",[[\"java.lang.ProcessBuilder\",{}]]]",
                "[\"java.util.HashMap\",{\"k\":{\"@class\":\"javax.naming.InitialContext\"}}]",
                "{\"@class\":\"dev.sessionstore.json.fixtures.Tripwire\",\"command\":\"x\"}");
        for (String json : crafted) {
            assertThatThrownBy(() -> codec.decode(JsonValue.parse(json)))
                    .as(json)
                    .isInstanceOf(DisallowedTypeException.class);
        }
        assertThat(Tripwire.Flag.FLAG)
                .as("the disallowed class was never initialized")
                .isFalse();
    }

    @Test
    void decode_gadgetInAnObjectPropertyOfAnAllowedRecord_isRefused() {
        AttributeCodec c = AttributeCodec.builder().allow(Cart.class).build();
        String json = "{\"@class\":\"dev.sessionstore.json.fixtures.Cart\",\"owner\":\"a\",\"items\":[],"
                + "\"note\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"id\"]}}";
        assertThatThrownBy(() -> c.decode(JsonValue.parse(json)))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining("java.lang.ProcessBuilder");
    }

    @Test
    void decode_malformedValue_throwsAttributeCodecException() {
        AttributeCodec c = AttributeCodec.builder().allow(Item.class).build();
        assertThatThrownBy(() -> c.decode(
                        JsonValue.parse("{\"@class\":\"dev.sessionstore.json.fixtures.Item\",\"quantity\":\"many\"}")))
                .isInstanceOf(AttributeCodecException.class);
        assertThatThrownBy(() -> c.decode(JsonValue.parse("[\"java.lang.Long\",\"seven\"]")))
                .isInstanceOf(AttributeCodecException.class);
    }

    @Test
    void encode_nonFiniteDouble_isRefused() {
        assertThatThrownBy(() -> codec.encode(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_refusesJdkPackagesAndBadNames() {
        assertThatThrownBy(() -> AttributeCodec.builder().allowPackage("java.lang"))
                .hasMessageContaining("java.lang");
        assertThatThrownBy(() -> AttributeCodec.builder().allowPackage("not a package"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributeCodec.builder().allow(Runnable.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapperCustomizer_isApplied() {
        AttributeCodec c = AttributeCodec.builder()
                .allow(Item.class)
                .mapper(b -> b.enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT))
                .build();
        Item item = new Item("s", 1, BigDecimal.ONE);
        assertThat(c.decode(c.encode(item))).isEqualTo(item);
    }
}
