package io.sluice.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The YAML edge of alerting: reads {@link AlertsConfigFile} shapes (strictly: unknown keys are errors naming their
 * line and path) and turns them into validated {@link AlertsConfig} / {@link AlertRule} lists. The server uses it at
 * startup, on {@code SIGHUP} and on {@code POST /api/rules/reload}; every entry point validates fully before
 * returning, so a caller that gets an exception keeps its old rules.
 *
 * <p>Thread contract: stateless; any thread.
 */
public final class AlertsYaml {
    /** Shipped rules, used when the config has no {@code rules:} key. */
    public static final String DEFAULT_RULES_RESOURCE = "default-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The whole {@code sluice.yaml}, of which only {@code alerts:} is read here (the server checks the rest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigRoot(AlertsConfigFile alerts) {
    }

    private AlertsYaml() {
    }

    /** The {@code alerts:} section of a config file; defaults (and default rules) when the file has none. */
    public static AlertsConfig readConfig(Path configFile, AlertFunctions functions) {
        try {
            return parseConfig(Files.readString(configFile), configFile.toString(), functions);
        } catch (IOException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
    }

    /** {@link #readConfig} from text; {@code origin} prefixes error messages (a file name). */
    public static AlertsConfig parseConfig(String yaml, String origin, AlertFunctions functions) {
        ConfigRoot root = read(yaml, origin, ConfigRoot.class);
        return toConfig(root == null ? null : root.alerts(), origin, functions);
    }

    /** A {@code rules: [...]} document (a reload body, the default rules), validated. */
    public static List<AlertRule> parseRules(String yaml, String origin, AlertFunctions functions) {
        AlertsConfigFile.RuleSet set = read(yaml, origin, AlertsConfigFile.RuleSet.class);
        return toRules(set == null ? null : set.rules(), origin, functions);
    }

    /** The shipped default rules (resource {@value #DEFAULT_RULES_RESOURCE}), validated. */
    public static List<AlertRule> defaultRules() {
        try (InputStream in = AlertsYaml.class.getResourceAsStream(DEFAULT_RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RULES_RESOURCE + " is missing from the jar");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parseRules(yaml, DEFAULT_RULES_RESOURCE, AlertFunctions.builtins());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the section as written. {@code section == null} or {@code rules} absent: the default rules.
     *
     * @throws IllegalArgumentException ({@link InvalidRuleException} for rules) with a message for the user
     */
    public static AlertsConfig toConfig(AlertsConfigFile section, String origin, AlertFunctions functions) {
        if (section == null) {
            return new AlertsConfig(null, List.of(), defaultRules(), AlertEngineOptions.DEFAULTS);
        }
        List<URI> webhooks = new ArrayList<>();
        if (section.webhooks() != null) {
            for (int i = 0; i < section.webhooks().size(); i++) {
                webhooks.add(url(section.webhooks().get(i), origin, "alerts.webhooks[" + i + "].url"));
            }
        }
        URI alertmanager = section.alertmanager() == null ? null
            : url(section.alertmanager(), origin, "alerts.alertmanager.url");
        List<AlertRule> rules = section.rules() == null ? defaultRules() : toRules(section.rules(), origin, functions);
        try {
            AlertEngineOptions engine = new AlertEngineOptions(duration(section.evaluationInterval()),
                duration(section.resendInterval()), section.historySize() == null
                    ? AlertEngineOptions.DEFAULT_HISTORY_SIZE : section.historySize());
            return new AlertsConfig(alertmanager, webhooks, rules, engine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": alerts: " + e.getMessage(), e);
        }
    }

    private static List<AlertRule> toRules(List<AlertsConfigFile.Rule> written, String origin,
                                           AlertFunctions functions) {
        if (written == null) {
            return List.of();
        }
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            rules.add(rule(written.get(i), origin + ": rules[" + i + "]"));
        }
        try {
            return AlertRules.validate(rules, functions);
        } catch (InvalidRuleException e) {
            throw e.at(origin);
        }
    }

    private static AlertRule rule(AlertsConfigFile.Rule r, String where) {
        if (r == null || r.name() == null) {
            throw new InvalidRuleException(null, where + ": name is missing");
        }
        try {
            return new AlertRule(r.name(), r.expr(), duration(r.forDuration()), r.severity(), r.labels(),
                r.annotations(), duration(r.keepFiringFor()));
        } catch (InvalidRuleException e) {
            throw e.at(where);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(r.name(), e.getMessage()).at(where);
        }
    }

    private static Duration duration(String text) {
        return text == null ? null : DurationText.parse(text);
    }

    private static URI url(AlertsConfigFile.Endpoint endpoint, String origin, String path) {
        if (endpoint == null || endpoint.url() == null) {
            throw new IllegalArgumentException(origin + ": " + path + " is missing");
        }
        try {
            return new URI(endpoint.url().trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(origin + ": " + path + ": " + e.getMessage(), e);
        }
    }

    private static <T> T read(String yaml, String origin, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(YamlErrors.unknownKey(yaml, origin, e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlErrors.parseError(origin, e), e);
        }
    }
}
