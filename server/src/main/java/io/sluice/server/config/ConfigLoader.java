package io.sluice.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads {@code sluice.yaml} into a {@link SluiceConfig}; errors name the file, line and key. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigLoader() {
    }

    public static SluiceConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such file");
        }
        try {
            ConfigFile parsed = YAML.readValue(file.toFile(), ConfigFile.class);
            return ConfigMapper.map(parsed == null ? new ConfigFile(null, null, null, null, null, null, null, null, null, null)
                : parsed, file.toAbsolutePath().getParent(), file.toString());
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ":" + keyLine(file, e.getPropertyName(), e.getLocation()) + ": unknown key '"
                + e.getPropertyName() + "' at " + path(e) + " (known here: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ":" + line(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /**
     * The YAML parser reports where it stood after reading the key's value; the key itself is on that line or the
     * nearest one above it that starts with the key.
     */
    private static String keyLine(Path file, String key, JsonLocation location) {
        if (location == null) {
            return "?";
        }
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = Math.min(location.getLineNr(), lines.size()) - 1; i >= 0; i--) {
                String text = lines.get(i).trim();
                if (text.startsWith(key + ":") || text.startsWith("- " + key + ":") || text.contains("{" + key + ":")
                    || text.contains(" " + key + ":")) {
                    return Integer.toString(i + 1);
                }
            }
        } catch (IOException ignored) {
            // fall back to the parser's position
        }
        return line(location);
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String line(JsonLocation location) {
        return location == null ? "?" : Integer.toString(location.getLineNr());
    }

    /** A config file that cannot be used; the message is meant for the user as is. */
    public static final class ConfigException extends IllegalArgumentException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
