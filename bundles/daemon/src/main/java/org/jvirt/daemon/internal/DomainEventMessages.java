package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import org.jvirt.api.VirFlag;
import org.jvirt.api.event.DomainAgentLifecycleEvent;
import org.jvirt.api.event.DomainBalloonChangeEvent;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainControlErrorEvent;
import org.jvirt.api.event.DomainDeviceAddedEvent;
import org.jvirt.api.event.DomainDeviceRemovalFailedEvent;
import org.jvirt.api.event.DomainDeviceRemovedEvent;
import org.jvirt.api.event.DomainDiskChangeEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainGraphicsEvent;
import org.jvirt.api.event.DomainIOErrorEvent;
import org.jvirt.api.event.DomainIOErrorReasonEvent;
import org.jvirt.api.event.DomainJobCompletedEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainMemoryDeviceSizeChangeEvent;
import org.jvirt.api.event.DomainMemoryFailureEvent;
import org.jvirt.api.event.DomainMetadataChangeEvent;
import org.jvirt.api.event.DomainMigrationIterationEvent;
import org.jvirt.api.event.DomainPMSuspendDiskEvent;
import org.jvirt.api.event.DomainPMSuspendEvent;
import org.jvirt.api.event.DomainPMWakeupEvent;
import org.jvirt.api.event.DomainRebootEvent;
import org.jvirt.api.event.DomainRtcChangeEvent;
import org.jvirt.api.event.DomainTrayChangeEvent;
import org.jvirt.api.event.DomainTunableEvent;
import org.jvirt.api.event.DomainWatchdogEvent;
import org.jvirt.api.event.GraphicsAddress;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.transport.ServerClient;

/**
 * Domain events as libvirtd relays them (remoteRelayDomainEvent*): the callback form (the client's callback id in
 * front of the body) for clients that registered with DOMAIN_EVENT_CALLBACK_REGISTER_ANY, the legacy form (the body
 * alone, the old procedure numbers) for the old registrations.
 */
final class DomainEventMessages {
    private DomainEventMessages() {
    }

    /** Sends {@code e} to {@code client} for callback {@code id}; false when the event kind has no wire form. */
    static boolean send(ServerClient client, DomainEvent e, int id, boolean legacy) {
        NonnullDomain dom = Wire.dom(e.domain());
        if (e instanceof DomainLifecycleEvent l) {
            DomainEventLifecycleMsg m = new DomainEventLifecycleMsg(dom, l.type().value(), l.detail());
            return legacy ? out(client, DOMAIN_EVENT_LIFECYCLE, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_LIFECYCLE, new DomainEventCallbackLifecycleMsg(id, m));
        }
        if (e instanceof DomainRebootEvent) {
            DomainEventRebootMsg m = new DomainEventRebootMsg(dom);
            return legacy ? out(client, DOMAIN_EVENT_REBOOT, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_REBOOT, new DomainEventCallbackRebootMsg(id, m));
        }
        if (e instanceof DomainRtcChangeEvent r) {
            DomainEventRtcChangeMsg m = new DomainEventRtcChangeMsg(dom, r.utcOffset());
            return legacy ? out(client, DOMAIN_EVENT_RTC_CHANGE, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_RTC_CHANGE, new DomainEventCallbackRtcChangeMsg(id, m));
        }
        if (e instanceof DomainWatchdogEvent w) {
            DomainEventWatchdogMsg m = new DomainEventWatchdogMsg(dom, w.action().value());
            return legacy ? out(client, DOMAIN_EVENT_WATCHDOG, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_WATCHDOG, new DomainEventCallbackWatchdogMsg(id, m));
        }
        if (e instanceof DomainIOErrorEvent io) {
            DomainEventIoErrorMsg m = new DomainEventIoErrorMsg(dom, io.srcPath(), io.devAlias(), io.action().value());
            return legacy ? out(client, DOMAIN_EVENT_IO_ERROR, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_IO_ERROR, new DomainEventCallbackIoErrorMsg(id, m));
        }
        if (e instanceof DomainIOErrorReasonEvent io) {
            DomainEventIoErrorReasonMsg m = new DomainEventIoErrorReasonMsg(dom, io.srcPath(), io.devAlias(),
                    io.action().value(), io.reason());
            return legacy ? out(client, DOMAIN_EVENT_IO_ERROR_REASON, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON, new DomainEventCallbackIoErrorReasonMsg(id, m));
        }
        if (e instanceof DomainGraphicsEvent g) {
            DomainEventGraphicsMsg m = new DomainEventGraphicsMsg(dom, g.phase().value(), address(g.local()),
                    address(g.remote()), g.authScheme(), Wire.map(g.subject(),
                            s -> new DomainEventGraphicsIdentity(s.type(), s.name())));
            return legacy ? out(client, DOMAIN_EVENT_GRAPHICS, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_GRAPHICS, new DomainEventCallbackGraphicsMsg(id, m));
        }
        if (e instanceof DomainControlErrorEvent) {
            DomainEventControlErrorMsg m = new DomainEventControlErrorMsg(dom);
            return legacy ? out(client, DOMAIN_EVENT_CONTROL_ERROR, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_CONTROL_ERROR, new DomainEventCallbackControlErrorMsg(id, m));
        }
        if (e instanceof DomainBlockJobEvent b) {
            DomainEventBlockJobMsg m = new DomainEventBlockJobMsg(dom, b.disk(), b.type().value(), b.status().value());
            return legacy ? out(client, DOMAIN_EVENT_BLOCK_JOB, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_BLOCK_JOB, new DomainEventCallbackBlockJobMsg(id, m));
        }
        if (e instanceof DomainDiskChangeEvent d) {
            DomainEventDiskChangeMsg m = new DomainEventDiskChangeMsg(dom, d.oldSrcPath(), d.newSrcPath(),
                    d.devAlias(), d.reason().value());
            return legacy ? out(client, DOMAIN_EVENT_DISK_CHANGE, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_DISK_CHANGE, new DomainEventCallbackDiskChangeMsg(id, m));
        }
        if (e instanceof DomainTrayChangeEvent t) {
            DomainEventTrayChangeMsg m = new DomainEventTrayChangeMsg(dom, t.devAlias(), t.reason().value());
            return legacy ? out(client, DOMAIN_EVENT_TRAY_CHANGE, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_TRAY_CHANGE, new DomainEventCallbackTrayChangeMsg(id, m));
        }
        if (e instanceof DomainPMWakeupEvent w) {
            DomainEventPmwakeupMsg m = new DomainEventPmwakeupMsg(dom);
            return legacy ? out(client, DOMAIN_EVENT_PMWAKEUP, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_PMWAKEUP, new DomainEventCallbackPmwakeupMsg(id, w.reason(), m));
        }
        if (e instanceof DomainPMSuspendEvent s) {
            DomainEventPmsuspendMsg m = new DomainEventPmsuspendMsg(dom);
            return legacy ? out(client, DOMAIN_EVENT_PMSUSPEND, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_PMSUSPEND,
                            new DomainEventCallbackPmsuspendMsg(id, s.reason(), m));
        }
        if (e instanceof DomainBalloonChangeEvent b) {
            DomainEventBalloonChangeMsg m = new DomainEventBalloonChangeMsg(dom, b.actualKiB());
            return legacy ? out(client, DOMAIN_EVENT_BALLOON_CHANGE, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE, new DomainEventCallbackBalloonChangeMsg(id, m));
        }
        if (e instanceof DomainPMSuspendDiskEvent s) {
            DomainEventPmsuspendDiskMsg m = new DomainEventPmsuspendDiskMsg(dom);
            return legacy ? out(client, DOMAIN_EVENT_PMSUSPEND_DISK, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK,
                            new DomainEventCallbackPmsuspendDiskMsg(id, s.reason(), m));
        }
        if (e instanceof DomainDeviceRemovedEvent r) {
            DomainEventDeviceRemovedMsg m = new DomainEventDeviceRemovedMsg(dom, r.devAlias());
            return legacy ? out(client, DOMAIN_EVENT_DEVICE_REMOVED, m)
                    : out(client, DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, new DomainEventCallbackDeviceRemovedMsg(id, m));
        }
        // the kinds newer than the legacy registrations exist in the callback form only
        if (e instanceof DomainBlockJob2Event b) {
            return out(client, DOMAIN_EVENT_BLOCK_JOB_2, new DomainEventBlockJob2Msg(id, dom, b.disk(),
                    b.type().value(), b.status().value()));
        }
        if (e instanceof DomainTunableEvent t) {
            return out(client, DOMAIN_EVENT_CALLBACK_TUNABLE, new DomainEventCallbackTunableMsg(id, dom,
                    Wire.params(t.params())));
        }
        if (e instanceof DomainAgentLifecycleEvent a) {
            return out(client, DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE, new DomainEventCallbackAgentLifecycleMsg(id, dom,
                    a.state().value(), a.reason().value()));
        }
        if (e instanceof DomainDeviceAddedEvent a) {
            return out(client, DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, new DomainEventCallbackDeviceAddedMsg(id, dom,
                    a.devAlias()));
        }
        if (e instanceof DomainMigrationIterationEvent m) {
            return out(client, DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION,
                    new DomainEventCallbackMigrationIterationMsg(id, dom, m.iteration()));
        }
        if (e instanceof DomainJobCompletedEvent j) {
            return out(client, DOMAIN_EVENT_CALLBACK_JOB_COMPLETED, new DomainEventCallbackJobCompletedMsg(id, dom,
                    Wire.params(j.params())));
        }
        if (e instanceof DomainDeviceRemovalFailedEvent f) {
            return out(client, DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
                    new DomainEventCallbackDeviceRemovalFailedMsg(id, dom, f.devAlias()));
        }
        if (e instanceof DomainMetadataChangeEvent m) {
            return out(client, DOMAIN_EVENT_CALLBACK_METADATA_CHANGE, new DomainEventCallbackMetadataChangeMsg(id,
                    dom, m.type().value(), m.nsuri()));
        }
        if (e instanceof DomainBlockThresholdEvent b) {
            return out(client, DOMAIN_EVENT_BLOCK_THRESHOLD, new DomainEventBlockThresholdMsg(id, dom, b.dev(),
                    b.path(), b.threshold(), b.excess()));
        }
        if (e instanceof DomainMemoryFailureEvent f) {
            return out(client, DOMAIN_EVENT_MEMORY_FAILURE, new DomainEventMemoryFailureMsg(id, dom,
                    f.recipient().value(), f.action().value(), VirFlag.toBits(f.flags())));
        }
        if (e instanceof DomainMemoryDeviceSizeChangeEvent s) {
            return out(client, DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE, new DomainEventMemoryDeviceSizeChangeMsg(id,
                    dom, s.alias(), s.sizeKiB()));
        }
        return false;
    }

    private static DomainEventGraphicsAddress address(GraphicsAddress a) {
        return new DomainEventGraphicsAddress(a.family().value(), a.node(), a.service());
    }

    private static <M> boolean out(ServerClient client, Procedure<M, ?> p, M body) {
        client.sendEvent(p, body);
        return true;
    }

    /** The legacy registrations take the event ids up to DEVICE_REMOVED, as libvirtd does. */
    static final int LEGACY_LAST_ID = 15;
}
