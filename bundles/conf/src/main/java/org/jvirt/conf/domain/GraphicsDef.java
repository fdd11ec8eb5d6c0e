package org.jvirt.conf.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jvirt.conf.xml.Secret;

/** {@code <graphics>}. */
public class GraphicsDef {
    @XmlAttribute
    public String type;
    @XmlAttribute
    public String port;
    @XmlAttribute
    public String address;
    @XmlAttribute(name = "p2p")
    public String p2p;
    @XmlAttribute
    public String display;
    @XmlAttribute
    public String xauth;
    @XmlAttribute
    public String fullscreen;
    @XmlAttribute
    public String tlsPort;
    @XmlAttribute
    public String autoport;
    @XmlAttribute
    public String socket;
    @XmlAttribute
    public String websocket;
    @XmlAttribute
    public String listen;
    @XmlAttribute
    public String defaultMode;
    @XmlAttribute
    public String sharePolicy;
    @XmlAttribute
    public String powerControl;
    @XmlAttribute
    public String keymap;
    @Secret
    @XmlAttribute
    public String passwd;
    @XmlAttribute
    public String passwdValidTo;
    @XmlAttribute
    public String connected;
    @XmlAttribute
    public String multiUser;
    @XmlAttribute
    public String replaceUser;
    @XmlElement(name = "listen")
    public List<GraphicsDef.Listen> listens = new ArrayList<>();
    public GraphicsDef.Audio audio;
    public GraphicsDef.Gl gl;
    @XmlElement(name = "channel")
    public List<GraphicsDef.Channel> channels = new ArrayList<>();
    public GraphicsDef.Mouse mouse;
    public GraphicsDef.Image image;
    public GraphicsDef.Jpeg jpeg;
    public GraphicsDef.Zlib zlib;
    public GraphicsDef.Playback playback;
    public GraphicsDef.Streaming streaming;
    public GraphicsDef.Clipboard clipboard;
    public GraphicsDef.Filetransfer filetransfer;
    public Alias alias;
    @XmlElement(name = "address")
    public DeviceAddress addressElement;

    /** {@code <audio>}. */
    @XmlType(name = "")
    public static class Audio {
        @XmlAttribute
        public String id;
    }

    /** {@code <channel>}. */
    @XmlType(name = "")
    public static class Channel {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public String mode;
    }

    /** {@code <clipboard>}. */
    @XmlType(name = "")
    public static class Clipboard {
        @XmlAttribute
        public String copypaste;
    }

    /** {@code <filetransfer>}. */
    @XmlType(name = "")
    public static class Filetransfer {
        @XmlAttribute
        public String enable;
    }

    /** {@code <gl>}. */
    @XmlType(name = "")
    public static class Gl {
        @XmlAttribute
        public String enable;
        @XmlAttribute
        public String rendernode;
    }

    /** {@code <image>}. */
    @XmlType(name = "")
    public static class Image {
        @XmlAttribute
        public String compression;
    }

    /** {@code <jpeg>}. */
    @XmlType(name = "")
    public static class Jpeg {
        @XmlAttribute
        public String compression;
    }

    /** {@code <listen>}. */
    @XmlType(name = "")
    public static class Listen {
        @XmlAttribute
        public String type;
        @XmlAttribute
        public String address;
        @XmlAttribute
        public String network;
        @XmlAttribute
        public String socket;
    }

    /** {@code <mouse>}. */
    @XmlType(name = "")
    public static class Mouse {
        @XmlAttribute
        public String mode;
    }

    /** {@code <playback>}. */
    @XmlType(name = "")
    public static class Playback {
        @XmlAttribute
        public String compression;
    }

    /** {@code <streaming>}. */
    @XmlType(name = "")
    public static class Streaming {
        @XmlAttribute
        public String mode;
    }

    /** {@code <zlib>}. */
    @XmlType(name = "")
    public static class Zlib {
        @XmlAttribute
        public String compression;
    }
}
