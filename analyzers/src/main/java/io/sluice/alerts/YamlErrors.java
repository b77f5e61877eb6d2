package io.sluice.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Messages for YAML the user wrote wrong, naming the file, the line and the key: shared by the alert rules and the
 * server's config loader, which read YAML the same strict way.
 */
public final class YamlErrors {
    private YamlErrors() {
    }

    /** {@code origin:line: unknown key 'k' at a.b[0].k (known here: [...])}. */
    public static String unknownKey(String yaml, String origin, UnrecognizedPropertyException e) {
        return origin + ":" + keyLine(yaml, e) + ": unknown key '" + e.getPropertyName() + "' at " + path(e)
            + " (known here: " + e.getKnownPropertyIds() + ")";
    }

    /** {@code origin:line: what the parser said}. */
    public static String parseError(String origin, JsonProcessingException e) {
        return origin + ":" + line(e) + ": " + e.getOriginalMessage();
    }

    /**
     * The parser reports where it stood after the unknown key's value; the key itself is on that line or the nearest
     * one above that holds it.
     */
    private static String keyLine(String yaml, UnrecognizedPropertyException e) {
        if (e.getLocation() == null) {
            return "?";
        }
        String[] lines = yaml.split("\n", -1);
        String key = e.getPropertyName() + ":";
        for (int i = Math.min(e.getLocation().getLineNr(), lines.length) - 1; i >= 0; i--) {
            String text = lines[i].trim();
            if (text.startsWith(key) || text.startsWith("- " + key) || text.contains("{" + key)
                || text.contains(" " + key)) {
                return Integer.toString(i + 1);
            }
        }
        return line(e);
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
