package org.jvirt.conf.domain;

/** An element that means something by being there ({@code <readonly/>}, {@code <shareable/>}). */
public class Empty {
}
