package org.jvirt.rpc;

/** A procedure's @priority: high ones may run on the daemon's priority workers, as they never block long. */
public enum Priority {
    LOW, HIGH
}
