package org.jvirt.api;

import java.util.EnumMap;
import java.util.Map;

/**
 * libvirt's message for each error code: the text alone, and the form that carries a detail ({@code %s}).
 * These sentences are what users and scripts see, so they are libvirt's, word for word.
 */
final class ErrorTexts {
    private static final Map<ErrorCode, String[]> TEXTS = new EnumMap<>(ErrorCode.class);

    private static void put(ErrorCode code, String bare, String withDetail) {
        TEXTS.put(code, new String[] {bare, withDetail});
    }

    static {
        put(ErrorCode.INTERNAL_ERROR, "internal error", "internal error: %s");
        put(ErrorCode.NO_MEMORY, "out of memory", "out of memory: %s");
        put(ErrorCode.NO_SUPPORT, "this function is not supported by the connection driver",
                "this function is not supported by the connection driver: %s");
        put(ErrorCode.UNKNOWN_HOST, "unknown host", "unknown host %s");
        put(ErrorCode.NO_CONNECT, "no connection driver available", "no connection driver available for %s");
        put(ErrorCode.INVALID_CONN, "invalid connection pointer in", "invalid connection pointer in %s");
        put(ErrorCode.INVALID_DOMAIN, "invalid domain pointer in", "invalid domain pointer in %s");
        put(ErrorCode.INVALID_ARG, "invalid argument", "invalid argument: %s");
        put(ErrorCode.OPERATION_FAILED, "operation failed", "operation failed: %s");
        put(ErrorCode.GET_FAILED, "GET operation failed", "GET operation failed: %s");
        put(ErrorCode.POST_FAILED, "POST operation failed", "POST operation failed: %s");
        put(ErrorCode.HTTP_ERROR, "got unknown HTTP error code", "got unknown HTTP error code %s");
        put(ErrorCode.SEXPR_SERIAL, "failed to serialize S-Expr", "failed to serialize S-Expr: %s");
        put(ErrorCode.NO_XEN, "could not use Xen hypervisor entry", "could not use Xen hypervisor entry %s");
        put(ErrorCode.XEN_CALL, "failed Xen syscall", "failed Xen syscall %s");
        put(ErrorCode.OS_TYPE, "unknown OS type", "unknown OS type %s");
        put(ErrorCode.NO_KERNEL, "missing kernel information", "missing kernel information: %s");
        put(ErrorCode.NO_ROOT, "missing root device information", "missing root device information in %s");
        put(ErrorCode.NO_SOURCE, "missing source information for device",
                "missing source information for device %s");
        put(ErrorCode.NO_TARGET, "missing target information for device",
                "missing target information for device %s");
        put(ErrorCode.NO_NAME, "missing name information", "missing name information in %s");
        put(ErrorCode.NO_OS, "missing operating system information",
                "missing operating system information for %s");
        put(ErrorCode.NO_DEVICE, "missing devices information", "missing devices information for %s");
        put(ErrorCode.NO_XENSTORE, "could not connect to Xen Store", "could not connect to Xen Store %s");
        put(ErrorCode.DRIVER_FULL, "too many drivers registered", "too many drivers registered in %s");
        put(ErrorCode.CALL_FAILED, "library call failed", "library call failed: %s");
        put(ErrorCode.XML_ERROR, "XML description is invalid or not well formed", "XML error: %s");
        put(ErrorCode.DOM_EXIST, "this domain exists already", "domain %s exists already");
        put(ErrorCode.OPERATION_DENIED, "operation forbidden for read only access", "operation forbidden: %s");
        put(ErrorCode.OPEN_FAILED, "failed to open configuration file", "failed to open configuration file %s");
        put(ErrorCode.READ_FAILED, "failed to read configuration file", "failed to read configuration file %s");
        put(ErrorCode.PARSE_FAILED, "failed to parse configuration file",
                "failed to parse configuration file %s");
        put(ErrorCode.CONF_SYNTAX, "configuration file syntax error", "configuration file syntax error: %s");
        put(ErrorCode.WRITE_FAILED, "failed to write configuration file",
                "failed to write configuration file: %s");
        put(ErrorCode.XML_DETAIL, "parser error", "%s");
        put(ErrorCode.INVALID_NETWORK, "invalid network pointer in", "invalid network pointer in %s");
        put(ErrorCode.NETWORK_EXIST, "this network exists already", "network %s exists already");
        put(ErrorCode.SYSTEM_ERROR, "system call error", "%s");
        put(ErrorCode.RPC, "RPC error", "%s");
        put(ErrorCode.GNUTLS_ERROR, "GNUTLS call error", "%s");
        put(ErrorCode.WAR_NO_NETWORK, "Failed to find the network", "Failed to find the network: %s");
        put(ErrorCode.NO_DOMAIN, "Domain not found", "Domain not found: %s");
        put(ErrorCode.NO_NETWORK, "Network not found", "Network not found: %s");
        put(ErrorCode.INVALID_MAC, "invalid MAC address", "invalid MAC address: %s");
        put(ErrorCode.AUTH_FAILED, "authentication failed", "authentication failed: %s");
        put(ErrorCode.INVALID_STORAGE_POOL, "invalid storage pool pointer in",
                "invalid storage pool pointer in %s");
        put(ErrorCode.INVALID_STORAGE_VOL, "invalid storage volume pointer in",
                "invalid storage volume pointer in %s");
        put(ErrorCode.WAR_NO_STORAGE, "Failed to find a storage driver", "Failed to find a storage driver: %s");
        put(ErrorCode.NO_STORAGE_POOL, "Storage pool not found", "Storage pool not found: %s");
        put(ErrorCode.NO_STORAGE_VOL, "Storage volume not found", "Storage volume not found: %s");
        put(ErrorCode.WAR_NO_NODE, "Failed to find a node driver", "Failed to find a node driver: %s");
        put(ErrorCode.INVALID_NODE_DEVICE, "invalid node device pointer", "invalid node device pointer in %s");
        put(ErrorCode.NO_NODE_DEVICE, "Node device not found", "Node device not found: %s");
        put(ErrorCode.NO_SECURITY_MODEL, "Security model not found", "Security model not found: %s");
        put(ErrorCode.OPERATION_INVALID, "Requested operation is not valid",
                "Requested operation is not valid: %s");
        put(ErrorCode.WAR_NO_INTERFACE, "Failed to find the interface", "Failed to find the interface: %s");
        put(ErrorCode.NO_INTERFACE, "Interface not found", "Interface not found: %s");
        put(ErrorCode.INVALID_INTERFACE, "invalid interface pointer in", "invalid interface pointer in %s");
        put(ErrorCode.MULTIPLE_INTERFACES, "multiple matching interfaces found",
                "multiple matching interfaces found: %s");
        put(ErrorCode.WAR_NO_NWFILTER, "Failed to start the nwfilter driver",
                "Failed to start the nwfilter driver: %s");
        put(ErrorCode.INVALID_NWFILTER, "Invalid network filter", "Invalid network filter: %s");
        put(ErrorCode.NO_NWFILTER, "Network filter not found", "Network filter not found: %s");
        put(ErrorCode.BUILD_FIREWALL, "Error while building firewall", "Error while building firewall: %s");
        put(ErrorCode.WAR_NO_SECRET, "Failed to find a secret storage driver",
                "Failed to find a secret storage driver: %s");
        put(ErrorCode.INVALID_SECRET, "Invalid secret", "Invalid secret: %s");
        put(ErrorCode.NO_SECRET, "Secret not found", "Secret not found: %s");
        put(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration", "unsupported configuration: %s");
        put(ErrorCode.OPERATION_TIMEOUT, "Timed out during operation", "Timed out during operation: %s");
        put(ErrorCode.MIGRATE_PERSIST_FAILED, "Failed to make domain persistent after migration",
                "Failed to make domain persistent after migration: %s");
        put(ErrorCode.HOOK_SCRIPT_FAILED, "Hook script execution failed", "Hook script execution failed: %s");
        put(ErrorCode.INVALID_DOMAIN_SNAPSHOT, "Invalid domain snapshot", "Invalid domain snapshot: %s");
        put(ErrorCode.NO_DOMAIN_SNAPSHOT, "Domain snapshot not found", "Domain snapshot not found: %s");
        put(ErrorCode.INVALID_STREAM, "invalid stream pointer", "invalid stream pointer in %s");
        put(ErrorCode.ARGUMENT_UNSUPPORTED, "argument unsupported", "argument unsupported: %s");
        put(ErrorCode.STORAGE_PROBE_FAILED, "Storage pool probe failed", "Storage pool probe failed: %s");
        put(ErrorCode.STORAGE_POOL_BUILT, "Storage pool already built", "Storage pool already built: %s");
        put(ErrorCode.SNAPSHOT_REVERT_RISKY, "revert requires force", "revert requires force: %s");
        put(ErrorCode.OPERATION_ABORTED, "operation aborted", "operation aborted: %s");
        put(ErrorCode.AUTH_CANCELLED, "authentication cancelled", "authentication cancelled: %s");
        put(ErrorCode.NO_DOMAIN_METADATA, "metadata not found", "metadata not found: %s");
        put(ErrorCode.MIGRATE_UNSAFE, "Unsafe migration", "Unsafe migration: %s");
        put(ErrorCode.OVERFLOW, "numerical overflow", "numerical overflow: %s");
        put(ErrorCode.BLOCK_COPY_ACTIVE, "block copy still active", "block copy still active: %s");
        put(ErrorCode.OPERATION_UNSUPPORTED, "Operation not supported", "Operation not supported: %s");
        put(ErrorCode.SSH, "SSH transport error", "SSH transport error: %s");
        put(ErrorCode.AGENT_UNRESPONSIVE, "Guest agent is not responding", "Guest agent is not responding: %s");
        put(ErrorCode.RESOURCE_BUSY, "resource busy", "resource busy: %s");
        put(ErrorCode.ACCESS_DENIED, "access denied", "access denied: %s");
        put(ErrorCode.DBUS_SERVICE, "error from service", "error from service: %s");
        put(ErrorCode.STORAGE_VOL_EXIST, "this storage volume exists already", "storage volume %s exists already");
        put(ErrorCode.CPU_INCOMPATIBLE, "the CPU is incompatible with host CPU",
                "the CPU is incompatible with host CPU: %s");
        put(ErrorCode.XML_INVALID_SCHEMA, "XML document failed to validate against schema",
                "XML document failed to validate against schema: %s");
        put(ErrorCode.MIGRATE_FINISH_OK, "migration successfully aborted", "migration successfully aborted: %s");
        put(ErrorCode.AUTH_UNAVAILABLE, "authentication unavailable", "authentication unavailable: %s");
        put(ErrorCode.NO_SERVER, "Server not found", "Server not found: %s");
        put(ErrorCode.NO_CLIENT, "Client not found", "Client not found: %s");
        put(ErrorCode.AGENT_UNSYNCED, "guest agent replied with wrong id to guest-sync command",
                "guest agent replied with wrong id to guest-sync command: %s");
        put(ErrorCode.LIBSSH, "libssh transport error", "libssh transport error: %s");
        put(ErrorCode.DEVICE_MISSING, "device not found", "device not found: %s");
        put(ErrorCode.INVALID_NWFILTER_BINDING, "Invalid network filter binding",
                "Invalid network filter binding: %s");
        put(ErrorCode.NO_NWFILTER_BINDING, "Network filter binding not found",
                "Network filter binding not found: %s");
        put(ErrorCode.INVALID_DOMAIN_CHECKPOINT, "Invalid domain checkpoint", "Invalid domain checkpoint: %s");
        put(ErrorCode.NO_DOMAIN_CHECKPOINT, "Domain checkpoint not found", "Domain checkpoint not found: %s");
        put(ErrorCode.NO_DOMAIN_BACKUP, "Domain backup job id not found", "Domain backup job id not found: %s");
        put(ErrorCode.INVALID_NETWORK_PORT, "Invalid network port pointer", "Invalid network port pointer: %s");
        put(ErrorCode.NETWORK_PORT_EXIST, "this network port exists already", "network port %s exists already");
        put(ErrorCode.NO_NETWORK_PORT, "network port not found", "network port not found: %s");
        put(ErrorCode.NO_HOSTNAME, "no hostname found", "no hostname found: %s");
        put(ErrorCode.CHECKPOINT_INCONSISTENT, "checkpoint inconsistent", "checkpoint inconsistent: %s");
        put(ErrorCode.MULTIPLE_DOMAINS, "multiple matching domains found", "multiple matching domains found: %s");
    }

    private ErrorTexts() {
    }

    /** libvirt's message for {@code code}, with {@code detail} where the message has room for one. */
    static String message(ErrorCode code, String detail) {
        String[] texts = TEXTS.get(code);
        if (texts == null) {
            return detail == null || detail.isEmpty() ? "unknown error" : detail;
        }
        if (detail == null || detail.isEmpty()) {
            return texts[0];
        }
        return texts[1].replace("%s", detail);
    }
}
