package org.jvirt.jmx.internal.remote;

import java.io.ObjectInputStream;
import java.security.AccessController;
import java.util.Set;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.QueryExp;
import javax.management.loading.ClassLoaderRepository;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between the remote connector and the MBeanServer and enforces the roles: {@link Role#READONLY} may read
 * attributes and MBean information, query names and receive notifications, never invoke an operation or set an
 * attribute; {@link Role#READWRITE} may also invoke and set. Nobody may create, register or unregister MBeans or
 * instantiate classes remotely (that is how a remote client would load code into the platform).
 *
 * <p>The caller's role is the {@link RolePrincipal} of the Subject the connector runs each request as. A call with no
 * Subject comes from the connector's own machinery (its notification buffer queries names and adds listeners in
 * privileged code): it may read, never change anything. A Subject without a role may do nothing.
 */
final class RoleCheckingForwarder implements MBeanServerForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCheckingForwarder.class);

    private MBeanServer server;

    @Override
    public MBeanServer getMBeanServer() {
        return server;
    }

    @Override
    public void setMBeanServer(MBeanServer mbs) {
        if (server != null) {
            throw new IllegalArgumentException("the MBeanServer is already set");
        }
        if (mbs == null) {
            throw new IllegalArgumentException("null MBeanServer");
        }
        server = mbs;
    }

    // ---- whom we are serving

    @SuppressWarnings("removal") // Java 17 offers no other way to the connector's Subject (Subject.current is 18+)
    private static Subject caller() {
        return Subject.getSubject(AccessController.getContext());
    }

    /** The role of the caller: null for the connector's own calls, which carry no Subject. */
    private static Role roleOf(Subject subject) {
        if (subject == null) {
            return null;
        }
        Set<RolePrincipal> roles = subject.getPrincipals(RolePrincipal.class);
        Role role = null;
        for (RolePrincipal r : roles) {
            role = role == Role.READWRITE ? role : r.role();
        }
        return role;
    }

    /** A Subject without a role (a client asking to run as another Subject) may do nothing at all. */
    private static void checkRead(String what, ObjectName name) {
        Subject subject = caller();
        if (subject != null && roleOf(subject) == null) {
            refused(subject, what, name);
        }
    }

    private static void checkWrite(String what, ObjectName name) {
        Subject subject = caller();
        if (roleOf(subject) != Role.READWRITE) {
            refused(subject, what, name);
        }
    }

    private static void checkNever(String what, ObjectName name) {
        refused(caller(), what, name);
    }

    private static void refused(Subject subject, String what, ObjectName name) {
        String user = "the connector";
        if (subject != null) {
            Set<JMXPrincipal> users = subject.getPrincipals(JMXPrincipal.class);
            user = users.isEmpty() ? "a user" : users.iterator().next().getName();
        }
        Role role = roleOf(subject);
        String action = name == null ? what : what + " " + name;
        LOG.info("remote JMX: {} ({}) refused: {}", user, role == null ? "no role" : role.word(), action);
        throw new SecurityException("Access denied: " + (role == Role.READWRITE ? "remote JMX" : "a read-only user")
                + " may not " + action);
    }

    // ---- reads: every authenticated role

    @Override
    public Object getAttribute(ObjectName name, String attribute) throws javax.management.MBeanException,
            javax.management.AttributeNotFoundException, javax.management.InstanceNotFoundException,
            javax.management.ReflectionException {
        checkRead("read", name);
        return server.getAttribute(name, attribute);
    }

    @Override
    public AttributeList getAttributes(ObjectName name, String[] attributes)
            throws javax.management.InstanceNotFoundException, javax.management.ReflectionException {
        checkRead("read", name);
        return server.getAttributes(name, attributes);
    }

    @Override
    public MBeanInfo getMBeanInfo(ObjectName name) throws javax.management.InstanceNotFoundException,
            javax.management.IntrospectionException, javax.management.ReflectionException {
        checkRead("read", name);
        return server.getMBeanInfo(name);
    }

    @Override
    public ObjectInstance getObjectInstance(ObjectName name) throws javax.management.InstanceNotFoundException {
        checkRead("read", name);
        return server.getObjectInstance(name);
    }

    @Override
    public Set<ObjectInstance> queryMBeans(ObjectName name, QueryExp query) {
        checkRead("query", name);
        return server.queryMBeans(name, query);
    }

    @Override
    public Set<ObjectName> queryNames(ObjectName name, QueryExp query) {
        checkRead("query", name);
        return server.queryNames(name, query);
    }

    @Override
    public boolean isRegistered(ObjectName name) {
        checkRead("read", name);
        return server.isRegistered(name);
    }

    @Override
    public Integer getMBeanCount() {
        checkRead("count MBeans", null);
        return server.getMBeanCount();
    }

    @Override
    public String getDefaultDomain() {
        checkRead("read the default domain", null);
        return server.getDefaultDomain();
    }

    @Override
    public String[] getDomains() {
        checkRead("list the domains", null);
        return server.getDomains();
    }

    @Override
    public boolean isInstanceOf(ObjectName name, String className) throws javax.management.InstanceNotFoundException {
        checkRead("read", name);
        return server.isInstanceOf(name, className);
    }

    @Override
    public void addNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
            Object handback) throws javax.management.InstanceNotFoundException {
        checkRead("listen to", name);
        server.addNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener)
            throws javax.management.InstanceNotFoundException, javax.management.ListenerNotFoundException {
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
            Object handback) throws javax.management.InstanceNotFoundException,
            javax.management.ListenerNotFoundException {
        server.removeNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener)
            throws javax.management.InstanceNotFoundException, javax.management.ListenerNotFoundException {
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
            Object handback) throws javax.management.InstanceNotFoundException,
            javax.management.ListenerNotFoundException {
        server.removeNotificationListener(name, listener, filter, handback);
    }

    // the connector loads the classes of a request's parameters through these; nothing remote reaches them
    @Override
    public ClassLoader getClassLoaderFor(ObjectName mbeanName) throws javax.management.InstanceNotFoundException {
        return server.getClassLoaderFor(mbeanName);
    }

    @Override
    public ClassLoader getClassLoader(ObjectName loaderName) throws javax.management.InstanceNotFoundException {
        return server.getClassLoader(loaderName);
    }

    @Override
    public ClassLoaderRepository getClassLoaderRepository() {
        return server.getClassLoaderRepository();
    }

    // ---- changes: readwrite only

    @Override
    public Object invoke(ObjectName name, String operationName, Object[] params, String[] signature)
            throws javax.management.InstanceNotFoundException, javax.management.MBeanException,
            javax.management.ReflectionException {
        checkWrite("invoke " + operationName + " on", name);
        return server.invoke(name, operationName, params, signature);
    }

    @Override
    public void setAttribute(ObjectName name, Attribute attribute) throws javax.management.InstanceNotFoundException,
            javax.management.AttributeNotFoundException, javax.management.InvalidAttributeValueException,
            javax.management.MBeanException, javax.management.ReflectionException {
        checkWrite("set " + attribute.getName() + " of", name);
        server.setAttribute(name, attribute);
    }

    @Override
    public AttributeList setAttributes(ObjectName name, AttributeList attributes)
            throws javax.management.InstanceNotFoundException, javax.management.ReflectionException {
        checkWrite("set attributes of", name);
        return server.setAttributes(name, attributes);
    }

    /** A listener that is an MBean makes that MBean act on each notification: a change, not a read. */
    @Override
    public void addNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
            Object handback) throws javax.management.InstanceNotFoundException {
        checkWrite("add the MBean " + listener + " as a listener of", name);
        server.addNotificationListener(name, listener, filter, handback);
    }

    // ---- never through remote JMX

    @Override
    public ObjectInstance createMBean(String className, ObjectName name) {
        checkNever("create the MBean", name);
        throw new AssertionError();
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName) {
        checkNever("create the MBean", name);
        throw new AssertionError();
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, Object[] params, String[] signature) {
        checkNever("create the MBean", name);
        throw new AssertionError();
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName, Object[] params,
            String[] signature) {
        checkNever("create the MBean", name);
        throw new AssertionError();
    }

    @Override
    public ObjectInstance registerMBean(Object object, ObjectName name) {
        checkNever("register the MBean", name);
        throw new AssertionError();
    }

    @Override
    public void unregisterMBean(ObjectName name) {
        checkNever("unregister", name);
    }

    @Override
    public Object instantiate(String className) {
        checkNever("instantiate " + className, null);
        throw new AssertionError();
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName) {
        checkNever("instantiate " + className, null);
        throw new AssertionError();
    }

    @Override
    public Object instantiate(String className, Object[] params, String[] signature) {
        checkNever("instantiate " + className, null);
        throw new AssertionError();
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName, Object[] params, String[] signature) {
        checkNever("instantiate " + className, null);
        throw new AssertionError();
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(ObjectName name, byte[] data) {
        checkNever("deserialize for", name);
        throw new AssertionError();
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(String className, byte[] data) {
        checkNever("deserialize " + className, null);
        throw new AssertionError();
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(String className, ObjectName loaderName, byte[] data) {
        checkNever("deserialize " + className, null);
        throw new AssertionError();
    }
}
