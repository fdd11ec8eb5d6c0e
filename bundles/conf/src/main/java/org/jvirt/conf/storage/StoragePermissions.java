package org.jvirt.conf.storage;

/** {@code <permissions>} of a pool's or a volume's target: mode (octal), owner, group, security label. */
public class StoragePermissions {
    public String mode;
    public String owner;
    public String group;
    public String label;
}
