package org.jvirt.conf;

import java.util.Set;

import org.jvirt.conf.internal.GuardedXmlReader;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Which element paths and attributes of domain XML the model holds: the round-trip tests use only those cases. */
final class SupportedSubset {
    private static final Set<String> PATHS = Set.of(
            "domain", "domain@type", "domain@id", "domain/name", "domain/uuid", "domain/title", "domain/description",
            "domain/memory", "domain/memory@unit", "domain/currentMemory", "domain/currentMemory@unit",
            "domain/maxMemory", "domain/maxMemory@unit", "domain/maxMemory@slots", "domain/vcpu",
            "domain/vcpu@placement", "domain/vcpu@current", "domain/vcpu@cpuset", "domain/iothreads",
            "domain/os", "domain/os/type", "domain/os/type@arch", "domain/os/type@machine", "domain/os/boot",
            "domain/os/boot@dev", "domain/os/kernel", "domain/os/initrd", "domain/os/cmdline",
            "domain/clock", "domain/clock@offset", "domain/on_poweroff", "domain/on_reboot", "domain/on_crash",
            "domain/features", "domain/features/acpi", "domain/features/apic", "domain/features/pae",
            "domain/devices", "domain/devices/emulator",
            "domain/devices/disk", "domain/devices/disk@type", "domain/devices/disk@device",
            "domain/devices/disk/driver", "domain/devices/disk/driver@name", "domain/devices/disk/driver@type",
            "domain/devices/disk/driver@cache", "domain/devices/disk/source", "domain/devices/disk/source@file",
            "domain/devices/disk/source@dev", "domain/devices/disk/target", "domain/devices/disk/target@dev",
            "domain/devices/disk/target@bus", "domain/devices/disk/readonly", "domain/devices/disk/address",
            "domain/devices/controller", "domain/devices/controller@type", "domain/devices/controller@index",
            "domain/devices/controller@model", "domain/devices/interface", "domain/devices/interface@type",
            "domain/devices/interface/mac", "domain/devices/interface/mac@address",
            "domain/devices/interface/mac@type", "domain/devices/interface/mac@check",
            "domain/devices/interface/source", "domain/devices/interface/source@bridge",
            "domain/devices/interface/source@network", "domain/devices/interface/model",
            "domain/devices/interface/model@type", "domain/devices/interface/address",
            "domain/devices/input", "domain/devices/input@type", "domain/devices/input@bus",
            "domain/devices/graphics", "domain/devices/graphics@type", "domain/devices/graphics@port",
            "domain/devices/graphics@autoport", "domain/devices/graphics@listen", "domain/devices/graphics@socket",
            "domain/devices/graphics/listen", "domain/devices/graphics/listen@type",
            "domain/devices/graphics/listen@address", "domain/devices/graphics/listen@network",
            "domain/devices/graphics/listen@socket", "domain/devices/video", "domain/devices/video/model",
            "domain/devices/video/model@type", "domain/devices/video/model@vram",
            "domain/devices/video/model@heads", "domain/devices/video/model@primary",
            "domain/devices/serial", "domain/devices/serial@type", "domain/devices/console",
            "domain/devices/console@type", "domain/devices/channel", "domain/devices/channel@type",
            "domain/devices/channel/source", "domain/devices/channel/source@mode",
            "domain/devices/channel/source@host", "domain/devices/channel/source@service",
            "domain/devices/channel/source@path", "domain/devices/channel/target",
            "domain/devices/channel/target@type", "domain/devices/channel/target@name",
            "domain/devices/memballoon", "domain/devices/memballoon@model", "domain/devices/memballoon/address");
    private static final Set<String> ADDRESS_ATTRS = Set.of("type", "domain", "bus", "slot", "function",
            "controller", "target", "unit");

    private SupportedSubset() {
    }

    /** The first path of {@code xml} the model does not hold, or null when it holds them all. */
    static String firstUnsupported(String xml) {
        return walk(GuardedXmlReader.parse(xml, "test").getDocumentElement(), "domain");
    }

    private static String walk(Element e, String path) {
        if (!PATHS.contains(path)) {
            return path;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            String a = ((Attr) attrs.item(i)).getName();
            boolean ok = path.endsWith("/address") ? ADDRESS_ATTRS.contains(a) : PATHS.contains(path + "@" + a);
            if (!ok) {
                return path + "@" + a;
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                String r = walk(k, path + "/" + k.getTagName());
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }
}
