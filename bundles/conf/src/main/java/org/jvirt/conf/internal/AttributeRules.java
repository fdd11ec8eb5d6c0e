package org.jvirt.conf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The value checks libvirt's parse functions make on single attributes (an enum's names, an integer's form and
 * sign), kept as data: {@code domain-attributes.rules}, one line per attribute, by the path of element names from
 * the root. A document's model is walked once; only the branches that have rules are visited. Each refusal carries
 * the sentence libvirt's parser gives for that attribute.
 */
final class AttributeRules {
    /** How a value is judged, and with which of libvirt's sentences it is refused. */
    private enum Check { ENUM, UNKNOWN, INT, INT_NONNEG, UINT, UINT_NONZERO }

    /**
     * @param whenDepth the depth of the element whose attribute {@code whenAttr} must be {@code whenValue} for the
     *                  rule to apply (1 for the first element below the root), or 0 without a condition
     */
    private record Rule(String attribute, int whenDepth, String whenAttr, String whenValue, Check check,
            Set<String> values, ErrorCode code, String message) {
    }

    private final Map<String, List<Rule>> byPath = new HashMap<>();
    /** Every path that has rules at or below it: the walk skips the others. */
    private final Set<String> prefixes = new HashSet<>();

    static final AttributeRules DOMAIN = load("domain-attributes.rules");

    private AttributeRules() {
    }

    /** Checks every attribute of {@code root}'s model that a rule names; fails with libvirt's error. */
    void check(Object root) {
        visit(root, "", new ArrayList<>());
    }

    private void visit(Object obj, String path, List<Object> ancestors) {
        XmlClassModel model = XmlClassModel.of(obj.getClass());
        ancestors.add(obj);
        List<Rule> rules = byPath.get(path);
        if (rules != null) {
            for (Rule r : rules) {
                if (r.whenDepth == 0 || matches(ancestors.get(r.whenDepth), r)) {
                    apply(r, model, obj, path);
                }
            }
        }
        for (XmlProperty p : model.elements) {
            if (p.kind != XmlProperty.Kind.OBJECT) {
                continue;
            }
            String child = path.isEmpty() ? p.name : path + "/" + p.name;
            if (!prefixes.contains(child)) {
                continue;
            }
            Object v = p.get(obj);
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o != null) {
                        visit(o, child, ancestors);
                    }
                }
            } else if (v != null) {
                visit(v, child, ancestors);
            }
        }
        ancestors.remove(ancestors.size() - 1);
    }

    /**
     * The rules whose path or attribute the model of {@code root} does not have ("PATH@ATTR"), following the model's
     * classes by element name: a rule there would never check anything.
     */
    List<String> unresolved(Class<?> root) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Rule>> e : byPath.entrySet()) {
            Class<?> type = root;
            for (String name : e.getKey().split("/")) {
                XmlProperty p = type == null ? null : XmlClassModel.of(type).element(null, name);
                type = p == null || p.kind != XmlProperty.Kind.OBJECT ? null : p.itemType;
            }
            for (Rule r : e.getValue()) {
                if (type == null || XmlClassModel.of(type).attribute(null, r.attribute) == null) {
                    out.add(e.getKey() + "@" + r.attribute);
                }
            }
        }
        return out;
    }

    private static boolean matches(Object element, Rule r) {
        XmlProperty cond = XmlClassModel.of(element.getClass()).attribute(null, r.whenAttr);
        return cond != null && r.whenValue.equals(cond.get(element));
    }

    private static void apply(Rule r, XmlClassModel model, Object obj, String path) {
        XmlProperty prop = model.attribute(null, r.attribute);
        if (prop == null) {
            // a rule the model cannot hold (caught by unresolved() in the tests)
            return;
        }
        String value = (String) prop.get(obj);
        if (value == null) {
            return;
        }
        String element = path.substring(path.lastIndexOf('/') + 1);
        String invalid = "Invalid value for attribute '" + r.attribute + "' in element '" + element + "': ";
        switch (r.check) {
            case ENUM -> {
                if (!r.values.contains(value)) {
                    throw xml(invalid + "'" + value + "'.");
                }
            }
            case UNKNOWN -> {
                if (!r.values.contains(value)) {
                    throw new VirtException(r.code, ErrorDomain.DOMAIN, r.message.replace("%s", value));
                }
            }
            case INT, INT_NONNEG -> {
                Long n = integer(value);
                if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                    throw xml(invalid + "'" + value + "'. Expected integer value");
                }
                if (r.check == Check.INT_NONNEG && n < 0) {
                    throw xml(invalid + "'" + value + "'. Expected non-negative value");
                }
            }
            case UINT, UINT_NONZERO -> {
                Long n = integer(value);
                if (n == null || n < 0 || value.strip().startsWith("-") || n > 0xffffffffL) {
                    throw xml(invalid + "'" + value + "'. Expected non-negative integer value");
                }
                if (r.check == Check.UINT_NONZERO && n == 0) {
                    throw xml(invalid + "Zero is not permitted");
                }
            }
            default -> throw new IllegalStateException(r.check.name());
        }
    }

    /** A decimal integer as libvirt's strtol-based readers take it (leading blanks allowed), or null. */
    private static Long integer(String v) {
        String s = v.stripLeading();
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, detail);
    }

    // ---- the rules file

    /**
     * Reads a rules file. A line is {@code PATH@ATTR | CHECK | ARGS}; {@code PATH} may hold {@code {a,b}}
     * alternatives and, after one of its names, a condition on that element's attribute ({@code name[attr=value]}). CHECK is {@code enum V...},
     * {@code unknown CODE | sentence with %s | V...}, {@code int}, {@code int-nonneg}, {@code uint},
     * {@code uint-nonzero}; {@code yesno} and {@code onoff} are libvirt's two boolean enums.
     */
    private static AttributeRules load(String resource) {
        AttributeRules rules = new AttributeRules();
        try (InputStream in = AttributeRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rules.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private void add(String line) {
        String[] parts = line.split("\\s*\\|\\s*");
        String target = parts[0];
        int at = target.indexOf('@');
        String attr = target.substring(at + 1);
        String pathText = target.substring(0, at);
        String whenAttr = null;
        String whenValue = null;
        int whenDepth = 0;
        int bracket = pathText.indexOf('[');
        if (bracket >= 0) {
            // the condition is on the element it follows: its depth is the number of names up to it
            int close = pathText.indexOf(']', bracket);
            String cond = pathText.substring(bracket + 1, close);
            whenAttr = cond.substring(0, cond.indexOf('='));
            whenValue = cond.substring(cond.indexOf('=') + 1);
            String before = pathText.substring(0, bracket);
            whenDepth = before.split("/").length;
            pathText = before + pathText.substring(close + 1);
        }
        String[] checkWords = parts[1].split("\\s+");
        Check check;
        Set<String> values = Set.of();
        ErrorCode code = null;
        String message = null;
        switch (checkWords[0]) {
            case "enum" -> {
                check = Check.ENUM;
                values = Set.of(parts[2].split("\\s+"));
            }
            case "yesno" -> {
                check = Check.ENUM;
                values = Set.of("yes", "no");
            }
            case "onoff" -> {
                check = Check.ENUM;
                values = Set.of("on", "off");
            }
            case "unknown" -> {
                check = Check.UNKNOWN;
                code = ErrorCode.valueOf(checkWords[1]);
                message = parts[2];
                values = Set.of(parts[3].split("\\s+"));
            }
            case "int" -> check = Check.INT;
            case "int-nonneg" -> check = Check.INT_NONNEG;
            case "uint" -> check = Check.UINT;
            case "uint-nonzero" -> check = Check.UINT_NONZERO;
            default -> throw new IllegalStateException("domain-attributes.rules: unknown check in: " + line);
        }
        for (String path : expand(pathText)) {
            byPath.computeIfAbsent(path, k -> new ArrayList<>())
                    .add(new Rule(attr, whenDepth, whenAttr, whenValue, check, values, code, message));
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                prefixes.add(path.substring(0, i));
            }
            prefixes.add(path);
        }
    }

    private static List<String> expand(String path) {
        int open = path.indexOf('{');
        if (open < 0) {
            return List.of(path);
        }
        int close = path.indexOf('}', open);
        List<String> out = new ArrayList<>();
        for (String alt : path.substring(open + 1, close).split(",")) {
            out.addAll(expand(path.substring(0, open) + alt + path.substring(close + 1)));
        }
        return out;
    }
}
