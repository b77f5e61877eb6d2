package io.sluice.alerts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of a whole rule set, shared by startup, {@code POST /api/rules/reload}, {@code SIGHUP} and
 * {@link AlertEngine#replaceRules}: every expression parses with the given functions, every annotation template is
 * known, names are unique. Reading rules from YAML is {@link AlertsYaml}'s job.
 */
public final class AlertRules {
    private AlertRules() {
    }

    /**
     * Checks {@code rules} with the built-in functions.
     *
     * @return the rules with their effective {@code for} (an inline {@code for} in {@code expr} applied)
     * @throws InvalidRuleException naming every broken rule (one per line when there are several)
     */
    public static List<AlertRule> validate(List<AlertRule> rules) {
        return validate(rules, AlertFunctions.builtins());
    }

    /** {@link #validate(List)} with another function registry. */
    public static List<AlertRule> validate(List<AlertRule> rules, AlertFunctions functions) {
        List<AlertRule> effective = new ArrayList<>();
        for (CompiledRule compiled : compile(rules, functions)) {
            effective.add(compiled.rule());
        }
        return List.copyOf(effective);
    }

    static List<CompiledRule> compile(List<AlertRule> rules, AlertFunctions functions) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        InvalidRuleException first = null;
        Set<String> names = new HashSet<>();
        for (AlertRule rule : rules) {
            try {
                if (!names.add(rule.name())) {
                    throw new InvalidRuleException(rule.name(), "another rule has the same name");
                }
                compiled.add(CompiledRule.compile(rule, functions));
            } catch (InvalidRuleException e) {
                first = first == null ? e : first;
                problems.add(e.getMessage());
            }
        }
        if (problems.size() == 1) {
            throw first;
        } else if (!problems.isEmpty()) {
            throw new InvalidRuleException(null, problems.size() + " broken rules:\n  " + String.join("\n  ", problems));
        }
        return List.copyOf(compiled);
    }
}
