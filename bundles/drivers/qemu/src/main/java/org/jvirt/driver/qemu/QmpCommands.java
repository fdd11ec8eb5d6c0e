package org.jvirt.driver.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.QmpError;
import org.jvirt.driver.qemu.qmp.QmpMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One QMP command on behalf of an API call, with QEMU's answer in libvirt's words: no monitor is "domain is not
 * running", a monitor that went away "domain is no longer running", a refusal "unable to execute QEMU command".
 */
final class QmpCommands {
    private static final Logger LOG = LoggerFactory.getLogger(QmpCommands.class);

    private QmpCommands() {
    }

    static JsonNode execute(QmpMonitor mon, String command, ObjectNode args) {
        if (mon == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        try {
            return mon.execute(command, args, QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            if (e.closed()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "domain is no longer running");
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + command + "': " + e.desc());
        }
    }

    /** A clean-up command whose failure changes nothing for the caller: logged. */
    static void quietly(QmpMonitor mon, String command, ObjectNode args) {
        try {
            mon.execute(command, args, QemuProcesses.COMMAND_TIMEOUT);
        } catch (QmpError e) {
            LOG.warn("{} {}: {}", command, args, e.getMessage());
        }
    }
}
