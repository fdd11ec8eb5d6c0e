package org.jvirt.driver.qemu;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.util.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A running domain's live status ({@code run/qemu/NAME.xml}), in the shape of libvirt's {@code <domstatus>}: the
 * state and its reason, QEMU's pid (and, for jvirt, the process's start time, to tell a reused pid), the monitor
 * socket, and the live domain. It is what lets a restarted platform find its guests again.
 */
final class StatusFile {
    /**
     * What a status file holds.
     *
     * @param state      the state and reason when written
     * @param pid        QEMU's pid
     * @param startTicks QEMU's start time in clock ticks since boot
     * @param monitor    the monitor socket
     * @param fakeReboot whether a reboot asked through ACPI was waiting for the guest's power-off
     * @param blockJobs  the block jobs that were running
     * @param def        the live domain (with its id)
     */
    record Status(DomainStateInfo state, long pid, long startTicks, Path monitor, boolean fakeReboot,
            java.util.List<BlockJob> blockJobs, DomainDef def) {
    }

    private StatusFile() {
    }

    /** A live definition already formatted for the status file (while QEMU starts, when nothing else is done). */
    record FormattedDef(DomainDef def, String xml) {
        static FormattedDef of(DomainDef def) {
            return new FormattedDef(def, DomainXml.format(def, EnumSet.noneOf(DomainXMLFlag.class)));
        }
    }

    static void write(Path file, QemuDomainObj o) throws IOException {
        write(file, o, null);
    }

    /** Writes the status; {@code formatted} is used when it is of the domain's current live definition. */
    static void write(Path file, QemuDomainObj o, FormattedDef formatted) throws IOException {
        StringBuilder b = new StringBuilder(4096);
        synchronized (o) {
            b.append("<domstatus state='").append(stateName(o.state)).append("' reason='")
                    .append(new DomainStateInfo(o.state, o.reason).reasonConstant() == null ? "unknown"
                            : reasonName(new DomainStateInfo(o.state, o.reason)))
                    .append("' pid='").append(o.pid).append("'>\n");
            b.append("  <monitor path='").append(escape(o.monitorPath.toString())).append("' type='unix'/>\n");
            b.append("  <process starttime='").append(o.startTicks).append("'/>\n");
            if (o.fakeReboot) {
                b.append("  <fakereboot/>\n");
            }
            if (!o.blockJobs.isEmpty()) {
                b.append("  <blockjobs active='yes'>\n");
                for (BlockJob j : o.blockJobs.values()) {
                    b.append("    <blockjob name='").append(escape(j.name)).append("' type='").append(j.typeName())
                            .append("' state='").append(j.state.xmlName()).append("' disk='").append(escape(j.disk))
                            .append("' top='").append(j.top).append("' base='").append(j.base)
                            .append("' topparent='").append(j.topParent).append('\'');
                    if (j.shallow) {
                        b.append(" shallow='yes'");
                    }
                    if (j.deleteCommitted) {
                        b.append(" delete='yes'");
                    }
                    if (j.mirror == null) {
                        b.append("/>\n");
                    } else {
                        b.append(">\n      <mirror index='").append(j.mirror.index()).append("' type='")
                                .append(j.mirror.type()).append("' path='").append(escape(j.mirror.path()))
                                .append("' format='").append(j.mirror.format()).append("' readonly='")
                                .append(j.mirror.readOnly() ? "yes" : "no").append("'/>\n    </blockjob>\n");
                    }
                }
                b.append("  </blockjobs>\n");
            }
            String dom = formatted != null && formatted.def() == o.def ? formatted.xml()
                    : DomainXml.format(o.def, EnumSet.noneOf(DomainXMLFlag.class));
            dom.lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        b.append("</domstatus>\n");
        // live state: atomic against a crash of the platform; after a crash of the host its guests are gone too
        AtomicFiles.writeLive(file, b.toString());
    }

    static Status read(Path file, DomainParseOptions options) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder db = f.newDocumentBuilder();
            doc = db.parse(new InputSource(new StringReader(Files.readString(file))));
        } catch (Exception e) {
            throw new IOException("unreadable status file " + file + ": " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"domstatus".equals(root.getLocalName())) {
            throw new IOException("status file " + file + " has no <domstatus>");
        }
        Element monitor = child(root, "monitor");
        Element process = child(root, "process");
        Element domain = child(root, "domain");
        if (monitor == null || domain == null) {
            throw new IOException("status file " + file + " lacks <monitor> or <domain>");
        }
        DomainDef def = DomainXml.parseElement(domain, options.live());
        DomainState state = parseState(root.getAttribute("state"));
        return new Status(new DomainStateInfo(state, parseReason(state, root.getAttribute("reason"))),
                Long.parseLong(root.getAttribute("pid")),
                process == null ? -1 : Long.parseLong(process.getAttribute("starttime")),
                Path.of(monitor.getAttribute("path")), child(root, "fakereboot") != null, blockJobs(root), def);
    }

    private static java.util.List<BlockJob> blockJobs(Element root) {
        java.util.List<BlockJob> out = new java.util.ArrayList<>();
        Element jobs = child(root, "blockjobs");
        if (jobs == null) {
            return out;
        }
        for (Node n = jobs.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element j && "blockjob".equals(j.getLocalName())) {
                Element m = child(j, "mirror");
                org.jvirt.driver.qemu.command.BlockNodes.Layer mirror = m == null ? null
                        : new org.jvirt.driver.qemu.command.BlockNodes.Layer(Integer.parseInt(m.getAttribute("index")),
                                m.getAttribute("type"), m.getAttribute("path"), m.getAttribute("format"),
                                "yes".equals(m.getAttribute("readonly")));
                BlockJob job = new BlockJob(j.getAttribute("name"), BlockJob.typeOf(j.getAttribute("type")),
                        j.getAttribute("disk"), Integer.parseInt(j.getAttribute("top")),
                        Integer.parseInt(j.getAttribute("base")), Integer.parseInt(j.getAttribute("topparent")),
                        mirror, "yes".equals(j.getAttribute("shallow")), "yes".equals(j.getAttribute("delete")));
                job.state = BlockJob.State.valueOf(j.getAttribute("state").toUpperCase(Locale.ROOT));
                out.add(job);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    static String stateName(DomainState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String reasonName(DomainStateInfo s) {
        return ((Enum<?>) s.reasonConstant()).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static DomainState parseState(String s) {
        try {
            return DomainState.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DomainState.NOSTATE;
        }
    }

    private static int parseReason(DomainState state, String text) {
        Class<? extends Enum<?>> type = switch (state) {
            case RUNNING -> org.jvirt.api.RunningReason.class;
            case PAUSED -> org.jvirt.api.PausedReason.class;
            case SHUTDOWN -> org.jvirt.api.ShutdownReason.class;
            default -> null;
        };
        if (type == null) {
            return 0;
        }
        for (Enum<?> e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                return ((org.jvirt.api.VirEnum) e).value();
            }
        }
        return 0;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;");
    }
}
