package org.jvirt.jmx.internal.remote;

import javax.security.auth.Subject;

/** Checks a remote JMX user's name and password: a password file, or a JAAS login. */
interface CredentialCheck {

    /**
     * The Subject of the user whose password this is; its principals' names are looked up in the access file.
     *
     * @throws SecurityException when the name or password is wrong (the message says no more than that)
     */
    Subject login(String user, String password);
}
