package org.jvirt.daemon.internal;

import org.jvirt.api.ConnectFactory;

/** What the dispatch table's entries share: the API's factory, the procedures' facts, the SASL users. */
final class DaemonContext {
    private final ConnectFactory factory;
    private final ProcedureTable procedures;
    private volatile SaslAuthority sasl;

    DaemonContext(ConnectFactory factory, ProcedureTable procedures, SaslAuthority sasl) {
        this.factory = factory;
        this.procedures = procedures;
        this.sasl = sasl;
    }

    ConnectFactory factory() {
        return factory;
    }

    ProcedureTable procedures() {
        return procedures;
    }

    SaslAuthority sasl() {
        return sasl;
    }

    void sasl(SaslAuthority authority) {
        this.sasl = authority;
    }
}
