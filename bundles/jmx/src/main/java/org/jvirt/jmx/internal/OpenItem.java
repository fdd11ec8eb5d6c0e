package org.jvirt.jmx.internal;

import java.util.function.Function;

import javax.management.openmbean.OpenType;

/**
 * One item of a notification's CompositeData: its name, open type and description, and how it is read from the
 * object it describes (an event record).
 */
record OpenItem(String name, OpenType<?> type, String description, Function<Object, Object> reader) {

    Object read(Object from) {
        return reader.apply(from);
    }
}
