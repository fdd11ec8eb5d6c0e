package org.jvirt.driver.test;

/** The pool sources libvirt's test driver "finds" (testConnectFindStoragePoolSources). */
final class PoolSources {
    /** Two volume groups. */
    static final String LOGICAL = "<sources>\n"
            + "  <source>\n"
            + "    <device path='/dev/sda20'/>\n"
            + "    <name>testvg1</name>\n"
            + "    <format type='lvm2'/>\n"
            + "  </source>\n"
            + "  <source>\n"
            + "    <device path='/dev/sda21'/>\n"
            + "    <name>testvg2</name>\n"
            + "    <format type='lvm2'/>\n"
            + "  </source>\n"
            + "</sources>\n";

    private PoolSources() {
    }

    /** One NFS share on {@code host}. */
    static String netfs(String host) {
        return "<sources>\n"
                + "  <source>\n"
                + "    <host name='" + host + "'/>\n"
                + "    <dir path='/testshare'/>\n"
                + "    <format type='nfs'/>\n"
                + "  </source>\n"
                + "</sources>\n";
    }
}
