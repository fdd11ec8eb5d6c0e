package org.jvirt.conf.domain;

/** {@code <nvram>}. */
public class NvramDef {
    public Alias alias;
    public DeviceAddress address;
}
