package org.jvirt.conf.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.w3c.dom.Element;

/**
 * The JAXB context of the models, made once on first use through the runtime's factory directly: in OSGi the
 * API's own lookup finds no implementation without a service-loader mediator. The context is thread-safe; each
 * unmarshal takes its own unmarshaller.
 */
public final class Jaxb {
    private static final AtomicReference<JAXBContext> CONTEXT = new AtomicReference<>();

    private Jaxb() {
    }

    static JAXBContext context() {
        JAXBContext c = CONTEXT.get();
        if (c == null) {
            try {
                c = new org.glassfish.jaxb.runtime.v2.JAXBContextFactory()
                        .createContext(new Class<?>[] {DomainDef.class}, Map.of());
            } catch (JAXBException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                        "cannot create the XML binding: " + e, e);
            }
            if (!CONTEXT.compareAndSet(null, c)) {
                c = CONTEXT.get();
            }
        }
        return c;
    }

    /** Binds a {@code <domain>} element; values are checked afterwards, so binding errors are rare. */
    public static DomainDef unmarshalDomain(Element root) {
        try {
            Unmarshaller u = context().createUnmarshaller();
            Object o = u.unmarshal(root);
            return (DomainDef) o;
        } catch (UnmarshalException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, String.valueOf(
                    e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        } catch (JAXBException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, e.toString(), e);
        }
    }
}
