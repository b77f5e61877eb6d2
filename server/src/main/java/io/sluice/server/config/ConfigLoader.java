package io.sluice.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.alerts.YamlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            String yaml = Files.readString(file);
            ConfigFile parsed;
            try {
                parsed = YAML.readValue(yaml, ConfigFile.class);
            } catch (UnrecognizedPropertyException e) {
                throw new ConfigException(YamlErrors.unknownKey(yaml, file.toString(), e));
            } catch (JsonProcessingException e) {
                throw new ConfigException(YamlErrors.parseError(file.toString(), e));
            }
            return ConfigMapper.map(parsed == null ? new ConfigFile(null, null, null, null, null, null, null, null, null, null)
                : parsed, file.toAbsolutePath().getParent(), file.toString());
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** A config file that cannot be used; the message is meant for the user as is. */
    public static final class ConfigException extends IllegalArgumentException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
