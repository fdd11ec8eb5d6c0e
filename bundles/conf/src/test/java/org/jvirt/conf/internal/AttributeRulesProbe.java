package org.jvirt.conf.internal;

import java.util.List;

/** Opens the internal rules table to the tests of the public package. */
public final class AttributeRulesProbe {
    private AttributeRulesProbe() {
    }

    /** The domain rules that name no attribute of the model (see AttributeRules.unresolved). */
    public static List<String> unresolved(Class<?> root) {
        return AttributeRules.DOMAIN.unresolved(root);
    }
}
