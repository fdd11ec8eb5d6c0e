package org.jvirt.rpc.remote;

/** libvirt's driver features a client asks about with CONNECT_SUPPORTS_FEATURE (virDrvFeature). */
public final class RemoteFeatures {
    private RemoteFeatures() {
    }

    public static final int MIGRATION_V1 = 1;
    public static final int REMOTE = 2;
    public static final int MIGRATION_V2 = 3;
    public static final int MIGRATION_P2P = 4;
    public static final int MIGRATION_DIRECT = 5;
    public static final int MIGRATION_V3 = 6;
    public static final int MIGRATE_CHANGE_PROTECTION = 7;
    public static final int FD_PASSING = 8;
    public static final int TYPED_PARAM_STRING = 9;
    /** The peer speaks the keepalive program. */
    public static final int PROGRAM_KEEPALIVE = 10;
    public static final int XML_MIGRATABLE = 11;
    public static final int MIGRATION_OFFLINE = 12;
    public static final int MIGRATION_PARAMS = 13;
    /** The server filters events by callback id (the *_CALLBACK_* event procedures). */
    public static final int REMOTE_EVENT_CALLBACK = 14;
    /** The server has CONNECT_REGISTER_CLOSE_CALLBACK. */
    public static final int REMOTE_CLOSE_CALLBACK = 15;
}
