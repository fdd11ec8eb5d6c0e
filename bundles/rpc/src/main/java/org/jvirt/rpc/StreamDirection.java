package org.jvirt.rpc;

/**
 * A procedure's stream, seen from the client (libvirt's @readstream / @writestream): READ carries data from the
 * server to the client (download, console output), WRITE from the client to the server (upload).
 */
public enum StreamDirection {
    NONE, READ, WRITE
}
