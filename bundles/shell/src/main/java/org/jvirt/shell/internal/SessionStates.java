package org.jvirt.shell.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.CommandSession;
import org.jvirt.api.ConnectFactory;

/**
 * The shell state of each Gogo session: the one the console put there, or else one made on first use with the
 * factory's default URI. Those made here are closed when the shell stops, since Gogo does not say when a session
 * ends.
 */
public final class SessionStates {
    private final ConnectFactory factory;
    private final Set<ShellSession> made = ConcurrentHashMap.newKeySet();

    public SessionStates(ConnectFactory factory) {
        this.factory = factory;
    }

    public ShellSession of(CommandSession session) {
        synchronized (session) {
            if (session.get(ShellSession.KEY) instanceof ShellSession s) {
                return s;
            }
            ShellSession s = new ShellSession(factory, null, false, false);
            s.interactive(true);
            session.put(ShellSession.KEY, s);
            made.add(s);
            return s;
        }
    }

    /** Closes the connections of the sessions made here. */
    public void closeAll() {
        for (ShellSession s : made) {
            s.close();
        }
        made.clear();
    }
}
