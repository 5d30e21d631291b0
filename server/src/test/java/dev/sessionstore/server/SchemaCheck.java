package dev.sessionstore.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 document, for the keywords openapi.json uses: {@code
 * $ref} (within the document), {@code type} (one name or a list, {@code "null"} included), {@code required},
 * {@code properties}, {@code additionalProperties} ({@code false}, {@code true} or a schema), {@code items},
 * {@code format} ({@code date-time}, {@code uri}), {@code minimum}, {@code maxLength}, {@code pattern}. Any
 * other keyword throws, so the document cannot outgrow the check unnoticed.
 *
 * <p>Stricter than JSON Schema on one point: an object member that the schema neither names nor allows with
 * {@code additionalProperties} is reported, so the document must describe everything the server sends.
 */
final class SchemaCheck {
    private static final Set<String> KEYWORDS = Set.of(
            "$ref",
            "type",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "format",
            "minimum",
            "maxLength",
            "pattern",
            "description",
            "example",
            "default");

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with {@code value} for {@code schema}, one line per problem; empty when it matches. */
    List<String> violations(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check("$", value, schema, out);
        return out;
    }

    /** The node a local reference such as {@code #/components/schemas/Session} points to. */
    JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("dangling reference: " + ref);
        }
        return target;
    }

    private void check(String at, JsonNode value, JsonNode schema, List<String> out) {
        if (schema.has("$ref")) {
            check(at, value, resolve(schema.get("$ref").asText()), out);
            return;
        }
        schema.fieldNames().forEachRemaining(k -> {
            if (!KEYWORDS.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported by this check: " + k);
            }
        });
        if (schema.has("type") && !hasType(value, schema.get("type"))) {
            out.add(at + ": expected " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (value.isObject()) {
            checkObject(at, value, schema, out);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(at + "[" + i + "]", value.get(i), schema.get("items"), out);
            }
        } else if (value.isTextual()) {
            checkText(at, value.textValue(), schema, out);
        } else if (value.isNumber()
                && schema.has("minimum")
                && value.decimalValue()
                                .compareTo(new BigDecimal(schema.get("minimum").asText()))
                        < 0) {
            out.add(at + ": below the minimum " + schema.get("minimum"));
        }
    }

    private void checkObject(String at, JsonNode value, JsonNode schema, List<String> out) {
        schema.path("required").forEach(name -> {
            if (!value.has(name.asText())) {
                out.add(at + ": missing required member " + name);
            }
        });
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String path = at + "." + member.getKey();
            if (properties.has(member.getKey())) {
                check(path, member.getValue(), properties.get(member.getKey()), out);
            } else if (additional.isObject()) {
                check(path, member.getValue(), additional, out);
            } else if (!additional.asBoolean(false)) {
                out.add(path + ": not described by the schema");
            }
        }
    }

    private static void checkText(String at, String text, JsonNode schema, List<String> out) {
        if (schema.has("maxLength")
                && text.codePointCount(0, text.length())
                        > schema.get("maxLength").asInt()) {
            out.add(at + ": longer than " + schema.get("maxLength"));
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(text)
                        .find()) {
            out.add(at + ": does not match " + schema.get("pattern"));
        }
        String format = schema.path("format").asText("");
        if (!format.isEmpty() && !hasFormat(text, format)) {
            out.add(at + ": not a " + format + ": " + text);
        }
    }

    private static boolean hasFormat(String text, String format) {
        return switch (format) {
            case "date-time" -> isDateTime(text);
            case "uri" -> isAbsoluteUri(text);
            default -> throw new IllegalArgumentException("format not supported by this check: " + format);
        };
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        Iterable<JsonNode> names = type.isArray() ? type : List.of(type);
        return StreamSupport.stream(names.spliterator(), false).anyMatch(name -> switch (name.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("type not supported by this check: " + name);
        });
    }
}
