package org.jvirt.conf;

import java.util.EnumSet;
import java.util.Set;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.internal.DomainFormat;
import org.jvirt.conf.internal.DomainPostParse;
import org.jvirt.conf.internal.XmlBinding;
import org.w3c.dom.Element;

/**
 * Domain XML in and out, as libvirt's virDomainDefParseString and virDomainDefFormat: a guarded parse (no DTD,
 * bounded size and depth) bound by JAXB, libvirt's checks and defaults, and libvirt's formatting.
 */
public final class DomainXml {
    /** The name libvirt gives a domain document in parse errors. */
    public static final String DOC_NAME = "(domain_definition)";

    private DomainXml() {
    }

    /** Parses with libvirt's generic defaults. */
    public static DomainDef parse(String xml) {
        return parse(xml, DomainParseOptions.generic());
    }

    /** Parses a {@code <domain>} document; fails with libvirt's error (XML_DETAIL for a malformed document). */
    public static DomainDef parse(String xml, DomainParseOptions options) {
        if (xml == null) {
            throw VirtException.invalidArg("xml must not be NULL");
        }
        if (options.validateSchema()) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.DOMAIN);
        }
        DomainDef def = XmlDocuments.read(xml, DOC_NAME, XmlDocuments.Kind.DOMAIN);
        DomainPostParse.apply(def, options);
        return def;
    }

    /** Parses a {@code <domain>} element of a larger document (a test-node file). */
    public static DomainDef parseElement(Element root, DomainParseOptions options) {
        expectRoot(root, "domain");
        DomainDef def = XmlBinding.unmarshal(root, DomainDef.class);
        DomainPostParse.apply(def, options);
        return def;
    }

    /** Formats as libvirt does; {@code flags} as virDomainGetXMLDesc's (INACTIVE, SECURE). */
    public static String format(DomainDef def, Set<DomainXMLFlag> flags) {
        return DomainFormat.format(def, flags.isEmpty() ? EnumSet.noneOf(DomainXMLFlag.class)
                : EnumSet.copyOf(flags));
    }

    /** A deep copy (libvirt's virDomainDefCopy), keeping the live id. */
    public static DomainDef copy(DomainDef def, DomainParseOptions options) {
        DomainDef c = parse(format(def, EnumSet.of(DomainXMLFlag.SECURE)), options.live());
        c.id = def.id;
        return c;
    }

    /**
     * Refuses a name with a character from {@code illegal}, as libvirt's virXMLCheckIllegalChars:
     * "invalid char in name: C".
     */
    public static void checkIllegalChars(String what, String value, String illegal) {
        for (int i = 0; i < illegal.length(); i++) {
            if (value != null && value.indexOf(illegal.charAt(i)) >= 0) {
                throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                        "invalid char in " + what + ": " + illegal.charAt(i));
            }
        }
    }

    static void expectRoot(Element root, String name) {
        expectRoot(root.getLocalName(), root.getNamespaceURI(), name);
    }

    static void expectRoot(String local, String namespace, String name) {
        if (!name.equals(local) || namespace != null && !namespace.isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of '" + name + "', not '" + local + "'");
        }
    }
}
