package org.jvirt.api.event;

import org.jvirt.api.Domain;

/** The guest agent connected or disconnected (VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE). */
public record DomainAgentLifecycleEvent(Domain domain, AgentLifecycleState state,
        AgentLifecycleReason reason) implements DomainEvent {
    @Override
    public DomainEventId id() {
        return DomainEventId.AGENT_LIFECYCLE;
    }
}
