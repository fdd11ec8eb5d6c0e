package org.jvirt.conf.domain;

import jakarta.xml.bind.annotation.XmlAttribute;

/** {@code <launchSecurity>}. */
public class LaunchSecurity {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String kernelHashes;
    @XmlAttribute
    public String authorKey;
    @XmlAttribute
    public String vcek;
    public String cbitpos;
    public String reducedPhysBits;
    public String policy;
    public String dhCert;
    public String session;
    public String guestVisibleWorkarounds;
    public String idBlock;
    public String idAuth;
    public String hostData;
}
