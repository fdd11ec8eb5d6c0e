package org.jvirt.conf.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.glassfish.jaxb.runtime.api.JAXBRIContext;
import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.caps.CapabilitiesDef;
import org.jvirt.conf.caps.DomainCapabilitiesDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.network.NetworkPortDef;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.nwfilter.NWFilterBindingDef;
import org.jvirt.conf.nwfilter.NWFilterDef;
import org.jvirt.conf.secret.SecretDef;
import org.jvirt.conf.snapshot.DomainBackupDef;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;
import org.jvirt.conf.storage.StoragePoolCapsDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The JAXB binding of the models. One context per family of documents, each made once, on first use, through
 * the runtime's factory directly (in OSGi, {@code JAXBContext.newInstance} finds no implementation without a
 * service-loader mediator): the domain family (domains, and snapshots and checkpoints, which embed a domain) is
 * several hundred classes and costs at its creation, the others are small. Contexts are thread-safe; each
 * unmarshal takes its own unmarshaller.
 */
public final class XmlBinding {
    private static final Logger LOG = LoggerFactory.getLogger(XmlBinding.class);

    /** The families of documents that share a context. */
    public enum Family {
        DOMAIN(DomainDef.class, DomainSnapshotDef.class, DomainCheckpointDef.class),
        NETWORK(NetworkDef.class),
        NETWORK_PORT(NetworkPortDef.class),
        STORAGE_POOL(StoragePoolDef.class),
        STORAGE_VOL(StorageVolDef.class),
        STORAGE_POOL_CAPS(StoragePoolCapsDef.class),
        NWFILTER(NWFilterDef.class),
        NWFILTER_BINDING(NWFilterBindingDef.class),
        SECRET(SecretDef.class),
        NODE_DEVICE(NodeDeviceDef.class),
        INTERFACE(InterfaceDef.class),
        CAPABILITIES(CapabilitiesDef.class),
        DOMAIN_CAPABILITIES(DomainCapabilitiesDef.class),
        BACKUP(DomainBackupDef.class);

        private final Class<?>[] roots;
        private volatile JAXBContext context;

        Family(Class<?>... roots) {
            this.roots = roots;
        }

        /** The family whose documents have the model {@code root}. */
        public static Family of(Class<?> root) {
            for (Family f : values()) {
                for (Class<?> c : f.roots) {
                    if (c == root) {
                        return f;
                    }
                }
            }
            throw new IllegalArgumentException("not a document model: " + root);
        }

        /** The family's context, made on first use. */
        public JAXBContext context() {
            JAXBContext c = context;
            if (c == null) {
                synchronized (this) {
                    c = context;
                    if (c == null) {
                        c = create();
                        context = c;
                    }
                }
            }
            return c;
        }

        /** Whether the context is made already. */
        public boolean ready() {
            return context != null;
        }

        private JAXBContext create() {
            long start = System.nanoTime();
            try {
                JAXBContext c = new JAXBContextFactory().createContext(roots,
                        Map.of(JAXBRIContext.XMLACCESSORFACTORY_SUPPORT, true));
                LOG.debug("JAXB context for {} made in {} ms", this, (System.nanoTime() - start) / 1_000_000);
                return c;
            } catch (JAXBException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                        "cannot create the XML binding of " + this + ": " + e, e);
            }
        }
    }

    /** Fills in what JAXB cannot do alone, per object, when it is read. */
    private static final Unmarshaller.Listener AFTER = new Unmarshaller.Listener() {
        @Override
        public void afterUnmarshal(Object target, Object parent) {
            XmlClassModel m = XmlClassModel.of(target.getClass());
            if (m.mixed != null) {
                mixedText(m, target);
            }
            if (m.any != null && !m.anyKeepsAll) {
                // as libvirt, of the elements nothing models only those of another namespace are kept
                List<Object> any = m.any.list(target);
                for (Iterator<Object> i = any.iterator(); i.hasNext();) {
                    if (!(i.next() instanceof Element e) || e.getNamespaceURI() == null) {
                        i.remove();
                    }
                }
            }
        }
    };

    private XmlBinding() {
    }

    private static void mixedText(XmlClassModel m, Object target) {
        List<Object> content = m.mixed.list(target);
        if (content == null) {
            return;
        }
        StringBuilder text = null;
        for (Object o : content) {
            if (o instanceof String s) {
                text = text == null ? new StringBuilder(s) : text.append(s);
            }
        }
        m.value.set(target, text == null ? null : text.toString());
        m.mixed.set(target, null);
    }

    /**
     * Makes the domain family's context and reads and writes a small domain once, so that the classes of the
     * common path are loaded; {@code stop} is asked between the steps.
     */
    public static void warmUp(BooleanSupplier stop) {
        Family.DOMAIN.context();
        if (stop.getAsBoolean()) {
            return;
        }
        DomainDef d = org.jvirt.conf.DomainXml.parse("<domain type='test'><name>warm-up</name>"
                + "<memory unit='MiB'>64</memory><os><type>hvm</type></os><devices><disk type='file' device='disk'>"
                + "<source file='/dev/null'/><target dev='vda'/></disk><interface type='network'>"
                + "<source network='default'/></interface></devices></domain>");
        if (stop.getAsBoolean()) {
            return;
        }
        org.jvirt.conf.DomainXml.format(d, java.util.EnumSet.noneOf(org.jvirt.api.DomainXMLFlag.class));
    }

    /** Reads the element the guarded reader stands on (its root) as {@code type}. */
    public static <T> T unmarshal(XMLStreamReader r, Class<T> type) {
        try {
            return unmarshaller(type).unmarshal(r, type).getValue();
        } catch (JAXBException e) {
            throw failure(e);
        }
    }

    /** Reads a DOM element (of a document the guarded reader made) as {@code type}. */
    public static <T> T unmarshal(Element e, Class<T> type) {
        try {
            return unmarshaller(type).unmarshal(e, type).getValue();
        } catch (JAXBException ex) {
            throw failure(ex);
        }
    }

    private static Unmarshaller unmarshaller(Class<?> type) throws JAXBException {
        Unmarshaller u = Family.of(type).context().createUnmarshaller();
        u.setListener(AFTER);
        return u;
    }

    private static VirtException failure(JAXBException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VirtException v) {
                return v;
            }
        }
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, String.valueOf(cause.getMessage()), e);
    }
}
