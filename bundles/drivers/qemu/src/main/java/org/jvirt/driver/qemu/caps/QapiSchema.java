package org.jvirt.driver.qemu.caps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * QEMU's introspected QAPI schema ({@code query-qmp-schema}), asked whether a path exists, in libvirt's path
 * notation: a command name, then {@code arg-type} or {@code ret-type}, then member names, where {@code +name}
 * is a union's variant and {@code ^name} an enumeration's value. QEMU numbers its type names in this reply, so
 * types are only reached from a command.
 */
final class QapiSchema {
    private final Map<String, JsonNode> byName = new HashMap<>();

    QapiSchema(JsonNode reply) {
        if (reply != null && reply.isArray()) {
            for (JsonNode e : reply) {
                byName.put(e.path("name").asText(), e);
            }
        }
    }

    /** Whether {@code path} ("query-display-options/ret-type/+sdl") names something QEMU has. */
    boolean has(String path) {
        List<String> parts = List.of(path.split("/"));
        JsonNode node = byName.get(parts.get(0));
        for (String part : parts.subList(1, parts.size())) {
            node = step(elements(node), part);
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    private JsonNode step(JsonNode node, String part) {
        if (node == null) {
            return null;
        }
        String meta = node.path("meta-type").asText();
        if (part.equals("arg-type") || part.equals("ret-type")) {
            return "command".equals(meta) ? byName.get(node.path(part).asText()) : null;
        }
        if (part.startsWith("+")) {
            for (JsonNode v : node.path("variants")) {
                if (v.path("case").asText().equals(part.substring(1))) {
                    return byName.get(v.path("type").asText());
                }
            }
            return null;
        }
        if (part.startsWith("^")) {
            for (JsonNode v : node.path("values")) {
                if (v.asText().equals(part.substring(1))) {
                    return node;
                }
            }
            return null;
        }
        for (JsonNode m : node.path("members")) {
            if (m.path("name").asText().equals(part)) {
                return byName.get(m.path("type").asText());
            }
        }
        return null;
    }

    /** An array stands for its elements, as libvirt's walk treats it. */
    private JsonNode elements(JsonNode node) {
        while (node != null && "array".equals(node.path("meta-type").asText())) {
            node = byName.get(node.path("element-type").asText());
        }
        return node;
    }
}
