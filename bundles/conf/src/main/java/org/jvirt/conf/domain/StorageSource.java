package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <source>}. */
public class StorageSource {
    @XmlAttribute
    public String file;
    @XmlAttribute
    public String dev;
    @XmlAttribute
    public String dir;
    @XmlAttribute
    public String protocol;
    @XmlAttribute
    public String name;
    @XmlAttribute
    public String tls;
    @XmlAttribute
    public String tlsHostname;
    @XmlAttribute
    public String query;
    @XmlAttribute
    public String pool;
    @XmlAttribute
    public String volume;
    @XmlAttribute
    public String mode;
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String managed;
    @XmlAttribute
    public String namespace;
    @XmlAttribute
    public String fdgroup;
    @XmlAttribute
    public String startupPolicy;
    @XmlAttribute
    public String index;
    @XmlAttribute
    public String path;
    @XmlElement(name = "host")
    public List<StorageSource.Host> hosts = new ArrayList<>();
    public StorageSource.Snapshot snapshot;
    public StorageSource.Config config;
    public StorageSource.Initiator initiator;
    public StorageSource.Ssl ssl;
    public StorageSource.Cookies cookies;
    public StorageSource.Readahead readahead;
    public StorageSource.Timeout timeout;
    public StorageSource.KnownHosts knownHosts;
    public StorageSource.Identity identity;
    public Reconnect reconnect;
    public StorageSource.Address address;
    public StorageSource.Slices slices;
    @XmlElement(name = "seclabel")
    public List<DeviceSecLabel> seclabels = new ArrayList<>();
    public StorageAuth auth;
    public StorageEncryption encryption;
    public StorageSource.Reservations reservations;

    /** {@code <cookies>}. */
    @XmlType(name = "")
    public static class Cookies {
        @XmlElement(name = "cookie")
        public List<StorageSource.Cookies.Cookie> cookies = new ArrayList<>();

        /** {@code <cookie>}. */
        @XmlType(name = "")
        public static class Cookie {
            @XmlAttribute
            public String name;
            @XmlValue
            public String value;
        }
    }

    /** {@code <host>}. */
    @XmlType(name = "")
    public static class Host {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String port;
        @XmlAttribute
        public String transport;
        @XmlAttribute
        public String socket;
    }

    /** {@code <slices>}. */
    @XmlType(name = "")
    public static class Slices {
        public StorageSource.Slices.Slice slice;

        /** {@code <slice>}. */
        @XmlType(name = "")
        public static class Slice {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String offset;
            @XmlAttribute
            public String size;
        }
    }

    /** {@code <address>}. */
    @XmlType(name = "")
    public static class Address {
        @XmlAttribute
        public String domain;
        @XmlAttribute
        public String bus;
        @XmlAttribute
        public String slot;
        @XmlAttribute
        public String function;
    }

    /** {@code <config>}. */
    @XmlType(name = "")
    public static class Config {
        @XmlAttribute
        public String file;
    }

    /** {@code <identity>}. */
    @XmlType(name = "")
    public static class Identity {
        @XmlAttribute
        public String username;
        @XmlAttribute
        public String agentsock;
        @XmlAttribute
        public String keyfile;
    }

    /** {@code <initiator>}. */
    @XmlType(name = "")
    public static class Initiator {
        public StorageSource.Initiator.Iqn iqn;

        /** {@code <iqn>}. */
        @XmlType(name = "")
        public static class Iqn {
            @XmlAttribute
            public String name;
        }
    }

    /** {@code <knownHosts>}. */
    @XmlType(name = "")
    public static class KnownHosts {
        @XmlAttribute
        public String path;
    }

    /** {@code <readahead>}. */
    @XmlType(name = "")
    public static class Readahead {
        @XmlAttribute
        public String size;
    }

    /** {@code <reservations>}. */
    @XmlType(name = "")
    public static class Reservations {
        @XmlAttribute
        public String managed;
        public StorageSource.Reservations.Source source;

        /** {@code <source>}. */
        @XmlType(name = "")
        public static class Source {
            @XmlAttribute
            public String type;
            @XmlAttribute
            public String path;
            @XmlAttribute
            public String mode;
        }
    }

    /** {@code <snapshot>}. */
    @XmlType(name = "")
    public static class Snapshot {
        @XmlAttribute
        public String name;
    }

    /** {@code <ssl>}. */
    @XmlType(name = "")
    public static class Ssl {
        @XmlAttribute
        public String verify;
    }

    /** {@code <timeout>}. */
    @XmlType(name = "")
    public static class Timeout {
        @XmlAttribute
        public String seconds;
    }
}
