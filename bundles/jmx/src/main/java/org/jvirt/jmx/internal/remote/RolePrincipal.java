package org.jvirt.jmx.internal.remote;

import java.security.Principal;

/** The role of an authenticated remote JMX user, carried in its Subject (which never leaves the server). */
record RolePrincipal(Role role) implements Principal {
    @Override
    public String getName() {
        return role.word();
    }
}
