package org.jvirt.driver.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asynchronous message from QEMU: {@code {"event": NAME, "data": {...}, "timestamp": {"seconds", "microseconds"}}}.
 *
 * @param name    the event's name (STOP, RESUME, SHUTDOWN …)
 * @param data    its data; an empty object when QEMU sent none
 * @param seconds the host time QEMU stamped it with, seconds part
 * @param micros  microseconds part
 */
public record QmpEvent(String name, JsonNode data, long seconds, long micros) {
}
