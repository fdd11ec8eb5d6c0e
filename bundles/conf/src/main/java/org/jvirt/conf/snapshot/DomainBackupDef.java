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
            public DomainBackupDef.Disks.Disk.Driver driver;
            public DomainBackupDef.Disks.Disk.Scratch scratch;
            public DomainBackupDef.Disks.Disk.Target target;

            /** {@code <driver>}. */
            @XmlType(name = "")
            public static class Driver {
                @XmlAttribute
                public String type;
            }

            /** {@code <scratch>}. */
            @XmlType(name = "")
            public static class Scratch {
                @XmlAttribute
                public String file;
                @XmlAttribute
                public String dev;
                public DomainBackupDef.Disks.Disk.Scratch.Encryption encryption;
                public DomainBackupDef.Disks.Disk.Scratch.Seclabel seclabel;

                /** {@code <encryption>}. */
                @XmlType(name = "")
                public static class Encryption {
                    @XmlAttribute
                    public String format;
                    public DomainBackupDef.Disks.Disk.Scratch.Encryption.Secret secret;

                    /** {@code <secret>}. */
                    @XmlType(name = "")
                    public static class Secret {
                        @XmlAttribute
                        public String type;
                        @XmlAttribute
                        public String uuid;
                        @XmlAttribute
                        public String usage;
                    }
                }

                /** {@code <seclabel>}. */
                @XmlType(name = "")
                public static class Seclabel {
                    @XmlAttribute
                    public String model;
                    @XmlAttribute
                    public String relabel;
                }
            }

            /** {@code <target>}. */
            @XmlType(name = "")
            public static class Target {
                @XmlAttribute
                public String file;
                @XmlAttribute
                public String dev;
                public DomainBackupDef.Disks.Disk.Target.Encryption encryption;
                public DomainBackupDef.Disks.Disk.Target.Seclabel seclabel;

                /** {@code <encryption>}. */
                @XmlType(name = "")
                public static class Encryption {
                    @XmlAttribute
                    public String format;
                    public DomainBackupDef.Disks.Disk.Target.Encryption.Secret secret;

                    /** {@code <secret>}. */
                    @XmlType(name = "")
                    public static class Secret {
                        @XmlAttribute
                        public String type;
                        @XmlAttribute
                        public String uuid;
                        @XmlAttribute
                        public String usage;
                    }
                }

                /** {@code <seclabel>}. */
                @XmlType(name = "")
                public static class Seclabel {
                    @XmlAttribute
                    public String model;
                    @XmlAttribute
                    public String relabel;
                }
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
    }
}
