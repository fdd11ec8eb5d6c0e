package org.jvirt.driver.qemu;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.ChrDef;
import org.jvirt.conf.domain.DomainDef;

/**
 * The guest agent's calls (time, hostname, file systems, users, SSH keys, guest info): jvirt has no agent client
 * yet, so each fails as libvirt's qemuDomainAgentAvailable does when the agent cannot be reached: the domain
 * must run, and a domain without the agent's channel is told so.
 */
final class GuestAgent {
    /** The channel name that makes a virtio channel the guest agent's (qemuFindAgentConfig). */
    static final String CHANNEL = "org.qemu.guest_agent.0";

    private GuestAgent() {
    }

    /** Fails as libvirt does for an agent that is not there: not running, not configured, or not connected. */
    static VirtException unavailable(DomainDef def, boolean running) {
        if (!running) {
            return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        if (configured(def)) {
            return new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                    "QEMU guest agent is not connected");
        }
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                "QEMU guest agent is not configured");
    }

    static boolean configured(DomainDef def) {
        for (ChrDef c : def.devices().channels) {
            if (c.target != null && "virtio".equals(c.target.type) && CHANNEL.equals(c.target.name)) {
                return true;
            }
        }
        return false;
    }
}
