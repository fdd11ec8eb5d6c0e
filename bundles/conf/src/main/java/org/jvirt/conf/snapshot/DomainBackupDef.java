package org.jvirt.conf.snapshot;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <domainbackup>}. */
@XmlRootElement(name = "domainbackup")
public class DomainBackupDef {
    @XmlAttribute
    public String mode;
    public String incremental;
    public DomainBackupDef.Server server;
    public DomainBackupDef.Disks disks;
    public DomainBackupDef.PrivateData privateData;

    /** {@code <disks>}. */
    @XmlType(name = "")
    public static class Disks {
        @XmlElement(name = "disk")
        public List<DomainBackupDef.Disks.Disk> disks = new ArrayList<>();

        /** {@code <disk>}. */
        @XmlType(name = "")
        public static class Disk {
            @XmlAttribute
            public String name;
            @XmlAttribute
            public String backup;
            @XmlAttribute
            public String state;
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String backupmode;
            @XmlAttribute
            public String incremental;
            @XmlAttribute
            public String exportname;
            @XmlAttribute
            public String exportbitmap;
            @XmlAttribute
            public String index;
            public DomainBackupDef.Disks.Disk.Driver driver;
            /** Where a pull backup keeps its scratch data. */
            public org.jvirt.conf.domain.StorageSource scratch;
            /** Where a push backup writes. */
            public org.jvirt.conf.domain.StorageSource target;

            /** {@code <driver>}. */
            @XmlType(name = "")
            public static class Driver {
                @XmlAttribute
                public String type;
            }
        }
    }

    /** {@code <privateData>}. */
    @XmlType(name = "")
    public static class PrivateData {
        public DomainBackupDef.PrivateData.Objects objects;

        /** {@code <objects>}. */
        @XmlType(name = "")
        public static class Objects {
            public DomainBackupDef.PrivateData.Objects.Secret secret;
            public DomainBackupDef.PrivateData.Objects.TLSx509 TLSx509;

            /** {@code <TLSx509>}. */
            @XmlType(name = "")
            public static class TLSx509 {
                @XmlAttribute
                public String alias;
            }

            /** {@code <secret>}. */
            @XmlType(name = "")
            public static class Secret {
                @XmlAttribute
                public String type;
                @XmlAttribute
                public String alias;
            }
        }
    }

    /** {@code <server>}. */
    @XmlType(name = "")
    public static class Server {
        @XmlAttribute
        public String transport;
        @XmlAttribute
        public String tls;
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String socket;
    }
}
