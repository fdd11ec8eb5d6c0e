package org.jvirt.driver.qemu;

/**
 * Why a running domain is tainted, as libvirt's virDomainTaintFlags with their message texts: reported by
 * {@code getMessages} and written to the domain's log.
 */
enum Taint {
    CUSTOM_MONITOR("custom-monitor", "custom monitor control commands issued");

    /** libvirt's name in the log line ("Domain id=N is tainted: custom-monitor"). */
    final String name;
    /** libvirt's message (virDomainTaintMessage). */
    final String message;

    Taint(String name, String message) {
        this.name = name;
        this.message = message;
    }
}
