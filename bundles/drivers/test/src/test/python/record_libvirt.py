#!/usr/bin/python3
"""Runs the call scripts of src/test/resources/libvirt/*.calls against libvirt's own test driver (the python
binding, in this process) and writes what libvirt answers next to each script as NAME.expected.

LibvirtCallsTest replays the same scripts against jvirt's test driver and compares, call by call.

    /usr/bin/python3 src/test/python/record_libvirt.py [--dir FOLDER] [NAME ...]      (from bundles/drivers/test)

The scripts are those of src/test/resources/libvirt, or of FOLDER (libvirt-cpu holds those that need libvirt's CPU
map, which jvirt reads from the folder its test points jvirt.cpumap at).

A script is one call per line: "open URI", "openauth URI TYPE=ANSWER ..." (opens with a credential callback
offering those types, shows what it was asked, then closes), "close", "events" (the events received since the last "events"), or a
libvirt C function with its arguments, optionally kept in a variable: "$net = virNetworkLookupByName default".
Functions of the connection take it implicitly. Arguments: integers, "JSON strings", null, $variables, @FILE (the
text of a file beside the script), [a,b] lists of those without spaces, ${dir} (the script's folder) and ${shared}
(the project's shared test data, ../shared beside the worktree or $JVIRT_SHARED) inside words.
"""
import ctypes
import json
import os
import socket
import sys
import uuid

import libvirt

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS = os.path.normpath(os.path.join(HERE, '..', 'resources', 'libvirt'))
# the project's shared test data (libvirt's own test files), beside the worktree as the build expects it
SHARED = os.environ.get('JVIRT_SHARED', os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', '..', '..',
                                                                         '..', 'shared')))

ERR_NAMES = {getattr(libvirt, k): k for k in dir(libvirt) if k.startswith('VIR_ERR_') and
             k not in ('VIR_ERR_NONE', 'VIR_ERR_WARNING', 'VIR_ERR_ERROR')}
FROM_NAMES = {getattr(libvirt, k): k for k in dir(libvirt) if k.startswith('VIR_FROM_')}


def constants(prefix):
    """The names of libvirt's constants with this prefix (less the event ids and LAST), by value."""
    return {getattr(libvirt, k): k[len(prefix):] for k in dir(libvirt)
            if k.startswith(prefix) and not k[len(prefix):].startswith('ID_') and k[len(prefix):] != 'LAST'}


NET_EVENTS = constants('VIR_NETWORK_EVENT_')
POOL_EVENTS = constants('VIR_STORAGE_POOL_EVENT_')
DEV_EVENTS = constants('VIR_NODE_DEVICE_EVENT_')


class Handle:
    """An object libvirt returned, shown by kind and name."""

    def __init__(self, kind, obj):
        self.kind = kind
        self.obj = obj

    def render(self):
        name = self.obj.getName() if self.kind in ('snapshot', 'checkpoint') else self.obj.name()
        return self.kind + ':' + name


def handle(obj):
    if obj is None:
        return None
    kinds = ((libvirt.virNetwork, 'network'), (libvirt.virStoragePool, 'pool'), (libvirt.virStorageVol, 'vol'),
             (libvirt.virInterface, 'iface'), (libvirt.virNodeDevice, 'nodedev'), (libvirt.virDomain, 'domain'),
             (libvirt.virDomainSnapshot, 'snapshot'), (libvirt.virDomainCheckpoint, 'checkpoint'))
    for cls, kind in kinds:
        if isinstance(obj, cls):
            return Handle(kind, obj)
    raise TypeError(obj)


def handles(objs):
    return sorted((handle(o) for o in objs), key=lambda h: h.render())


def cpumap(bits):
    """A CPU map as the binding takes it, from a script's list of 0 and 1."""
    return tuple(bool(b) for b in bits)


def screenshot(conn, dom, screen, flags):
    """virDomainScreenshot's MIME type; the picture is jvirt's own, not libvirt's, and is not compared."""
    stream = conn.newStream(0)
    try:
        return dom.screenshot(stream, screen, flags)
    finally:
        stream.abort()


def with_stream(conn, call):
    """Runs a call that attaches a new stream, then lets the stream go."""
    stream = conn.newStream(0)
    try:
        return call(stream)
    finally:
        stream.abort()


def done(call):
    """Runs a domain call whose result the scripts do not compare (core's scenarios do): only success or the error."""
    def run(*args):
        call(*args)
        return DONE
    return run


DONE = object()


def free_pages(conn, pages, start, count, flags):
    """virNodeGetFreePages as the C API fills it (the binding drops what the test driver returns)."""
    lib = ctypes.CDLL('libvirt.so.0')
    lib.virNodeGetFreePages.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_uint), ctypes.c_int,
                                        ctypes.c_uint, ctypes.POINTER(ctypes.c_ulonglong), ctypes.c_uint]
    sizes = (ctypes.c_uint * len(pages))(*pages)
    counts = (ctypes.c_ulonglong * (len(pages) * count))()
    if lib.virNodeGetFreePages(conn.c_pointer(), len(pages), sizes, start, count, counts, flags) < 0:
        raise libvirt.libvirtError('virNodeGetFreePages')
    return list(counts)


def hostname(conn):
    """virConnectGetHostname, which names the machine: shown as ${hostname} when its first label is this machine's
    host name (gethostname), so that a recording holds on any machine."""
    name = conn.getHostname()
    return '${hostname}' if name.split('.')[0] == socket.gethostname().split('.')[0] else name


def typed_params(text):
    """Typed parameters from a script's "field=TYPE:value;..." (the binding finds the types itself: it is given the
    values, a string, a bool or a number as TYPE says)."""
    out = {}
    for part in text.split(';') if text else []:
        field, _, typed = part.partition('=')
        kind, _, value = typed.partition(':')
        out[field] = (value if kind == 'string' else value == '1' if kind == 'boolean'
                      else float(value) if kind == 'double' else int(value))
    return out


class TypedParam(ctypes.Structure):
    """virTypedParameter as libvirt lays it out: the field name, the type, and an 8-byte value."""
    _fields_ = [('field', ctypes.c_char * 80), ('type', ctypes.c_int), ('value', ctypes.c_ulonglong)]


TYPED_PARAM_TYPES = {'int': 1, 'uint': 2, 'llong': 3, 'ullong': 4, 'boolean': 6}


def set_scheduler_parameters_flags(conn, dom, text, flags):
    """virDomainSetSchedulerParametersFlags through the C API: the binding asks the getter for the types first, and
    libvirt's public getter adds a flag (typed parameter strings) that the test driver's refuses."""
    lib = ctypes.CDLL('libvirt.so.0')
    lib.virDomainSetSchedulerParametersFlags.argtypes = [ctypes.c_void_p, ctypes.POINTER(TypedParam), ctypes.c_int,
                                                         ctypes.c_uint]
    parts = text.split(';') if text else []
    params = (TypedParam * max(len(parts), 1))()
    for i, part in enumerate(parts):
        field, _, typed = part.partition('=')
        kind, _, value = typed.partition(':')
        params[i].field = field.encode()
        params[i].type = TYPED_PARAM_TYPES[kind]
        params[i].value = int(value) & 0xffffffffffffffff
    if lib.virDomainSetSchedulerParametersFlags(dom.c_pointer(), params, len(parts), flags) < 0:
        raise libvirt.libvirtError('virDomainSetSchedulerParametersFlags')
    return DONE


def cells_free_memory(conn, start, count):
    """virNodeGetCellsFreeMemory as the C API answers (the binding refuses some arguments without calling it)."""
    lib = ctypes.CDLL('libvirt.so.0')
    lib.virNodeGetCellsFreeMemory.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulonglong), ctypes.c_int,
                                              ctypes.c_int]
    free = (ctypes.c_ulonglong * max(count, 1))()
    n = lib.virNodeGetCellsFreeMemory(conn.c_pointer(), free, start, count)
    if n < 0:
        raise libvirt.libvirtError('virNodeGetCellsFreeMemory')
    return list(free[:n])


# C function -> (call on the connection and the arguments, whether the result is an unordered list)
FUNCS = {
    # networks
    'virConnectListAllNetworks': lambda c, f: handles(c.listAllNetworks(f)),
    'virConnectNumOfNetworks': lambda c: c.numOfNetworks(),
    'virConnectListNetworks': lambda c: sorted(c.listNetworks()),
    'virConnectNumOfDefinedNetworks': lambda c: c.numOfDefinedNetworks(),
    'virConnectListDefinedNetworks': lambda c: sorted(c.listDefinedNetworks()),
    'virNetworkLookupByName': lambda c, n: handle(c.networkLookupByName(n)),
    'virNetworkLookupByUUIDString': lambda c, u: handle(c.networkLookupByUUIDString(u)),
    'virNetworkCreateXML': lambda c, x: handle(c.networkCreateXML(x)),
    'virNetworkCreateXMLFlags': lambda c, x, f: handle(c.networkCreateXMLFlags(x, f)),
    'virNetworkDefineXML': lambda c, x: handle(c.networkDefineXML(x)),
    'virNetworkDefineXMLFlags': lambda c, x, f: handle(c.networkDefineXMLFlags(x, f)),
    'virNetworkGetName': lambda c, n: n.name(),
    'virNetworkGetUUIDString': lambda c, n: n.UUIDString(),
    'virNetworkGetXMLDesc': lambda c, n, f: n.XMLDesc(f),
    'virNetworkGetBridgeName': lambda c, n: n.bridgeName(),
    'virNetworkGetAutostart': lambda c, n: n.autostart(),
    'virNetworkSetAutostart': lambda c, n, v: n.setAutostart(v),
    'virNetworkIsActive': lambda c, n: n.isActive(),
    'virNetworkIsPersistent': lambda c, n: n.isPersistent(),
    'virNetworkCreate': lambda c, n: n.create(),
    'virNetworkDestroy': lambda c, n: n.destroy(),
    'virNetworkUndefine': lambda c, n: n.undefine(),
    'virNetworkUpdate': lambda c, n, cmd, sec, idx, x, f: n.update(cmd, sec, idx, x, f),
    'virNetworkGetDHCPLeases': lambda c, n, mac: n.DHCPLeases(mac),
    'virNetworkListAllPorts': lambda c, n: n.listAllPorts(),
    # domains: lookups and definitions; the rest answer only "ok" or their error (core's scenarios compare values)
    'virConnectListAllDomains': lambda c, f: handles(c.listAllDomains(f)),
    'virDomainLookupByName': lambda c, n: handle(c.lookupByName(n)),
    'virDomainLookupByUUIDString': lambda c, u: handle(c.lookupByUUIDString(u)),
    'virDomainLookupByID': lambda c, i: handle(c.lookupByID(i)),
    'virDomainDefineXML': lambda c, x: handle(c.defineXML(x)),
    'virDomainCreateXML': lambda c, x, f: handle(c.createXML(x, f)),
    'virDomainCreateXMLWithFiles': lambda c, x, files, f: handle(c.createXMLWithFiles(x, files, f)),
    'virDomainGetName': lambda c, d: d.name(),
    'virDomainIsActive': lambda c, d: d.isActive(),
    'virDomainScreenshot': screenshot,
    'virDomainGetXMLDesc': lambda c, d, f: d.XMLDesc(f),
    'virDomainGetState': lambda c, d: d.state(0),
    'virDomainGetInfo': done(lambda c, d: d.info()),
    'virDomainGetMessages': done(lambda c, d, f: d.messages(f)),
    'virDomainGetMetadata': done(lambda c, d, t, u, f: d.metadata(t, u, f)),
    'virDomainCreateWithFlags': done(lambda c, d, f: d.createWithFlags(f)),
    'virDomainCreateWithFiles': done(lambda c, d, files, f: d.createWithFiles(files, f)),
    'virDomainDestroyFlags': done(lambda c, d, f: d.destroyFlags(f)),
    'virDomainShutdownFlags': done(lambda c, d, f: d.shutdownFlags(f)),
    'virDomainReboot': done(lambda c, d, f: d.reboot(f)),
    'virDomainReset': done(lambda c, d: d.reset(0)),
    'virDomainSuspend': done(lambda c, d: d.suspend()),
    'virDomainResume': done(lambda c, d: d.resume()),
    'virDomainUndefineFlags': done(lambda c, d, f: d.undefineFlags(f)),
    'virDomainRename': done(lambda c, d, n: d.rename(n, 0)),
    'virDomainSetLifecycleAction': done(lambda c, d, t, a, f: d.setLifecycleAction(t, a, f)),
    'virDomainInjectNMI': done(lambda c, d: d.injectNMI(0)),
    'virDomainSendKey': done(lambda c, d, cs, h, keys: d.sendKey(cs, h, keys, len(keys), 0)),
    'virDomainSendProcessSignal': done(lambda c, d, pid, sig: d.sendProcessSignal(pid, sig, 0)),
    'virDomainSaveFlags': done(lambda c, d, to, x, f: d.saveFlags(to, x, f)),
    'virDomainManagedSave': done(lambda c, d, f: d.managedSave(f)),
    'virDomainHasManagedSaveImage': lambda c, d: d.hasManagedSaveImage(0),
    'virDomainManagedSaveRemove': done(lambda c, d: d.managedSaveRemove(0)),
    'virDomainCoreDump': done(lambda c, d, to, f: d.coreDump(to, f)),
    'virDomainCoreDumpWithFormat': done(lambda c, d, to, fmt, f: d.coreDumpWithFormat(to, fmt, f)),
    'virDomainGetMaxVcpus': done(lambda c, d: d.maxVcpus()),
    'virDomainGetVcpusFlags': done(lambda c, d, f: d.vcpusFlags(f)),
    'virDomainSetVcpusFlags': done(lambda c, d, n, f: d.setVcpusFlags(n, f)),
    'virDomainGetVcpus': done(lambda c, d: d.vcpus()),
    'virDomainPinVcpuFlags': done(lambda c, d, v, m, f: d.pinVcpuFlags(v, cpumap(m), f)),
    'virDomainGetVcpuPinInfo': done(lambda c, d, f: d.vcpuPinInfo(f)),
    'virDomainPinEmulator': done(lambda c, d, m, f: d.pinEmulator(cpumap(m), f)),
    'virDomainGetEmulatorPinInfo': done(lambda c, d, f: d.emulatorPinInfo(f)),
    'virDomainGetIOThreadInfo': done(lambda c, d, f: d.ioThreadInfo(f)),
    'virDomainAddIOThread': done(lambda c, d, i, f: d.addIOThread(i, f)),
    'virDomainDelIOThread': done(lambda c, d, i, f: d.delIOThread(i, f)),
    'virDomainPinIOThread': done(lambda c, d, i, m, f: d.pinIOThread(i, cpumap(m), f)),
    'virDomainGetCPUStats': done(lambda c, d, s, n: d.getCPUStats(True) if s == -1 else d.getCPUStats(False)),
    'virDomainSetMaxMemory': done(lambda c, d, m: d.setMaxMemory(m)),
    'virDomainSetMemoryFlags': done(lambda c, d, m, f: d.setMemoryFlags(m, f)),
    'virDomainSetMemoryStatsPeriod': done(lambda c, d, p, f: d.setMemoryStatsPeriod(p, f)),
    'virDomainGetMemoryParameters': done(lambda c, d, f: d.memoryParameters(f)),
    'virDomainMemoryStats': done(lambda c, d: d.memoryStats()),
    'virDomainMemoryPeek': done(lambda c, d, s, n, f: d.memoryPeek(s, n, f)),
    'virDomainGetNumaParameters': done(lambda c, d, f: d.numaParameters(f)),
    'virDomainGetBlkioParameters': done(lambda c, d, f: d.blkioParameters(f)),
    'virDomainGetSchedulerType': done(lambda c, d: d.schedulerType()),
    'virDomainGetSchedulerParametersFlags': done(lambda c, d, f: d.schedulerParametersFlags(f)),
    'virDomainGetPerfEvents': done(lambda c, d, f: d.perfEvents(f)),
    'virDomainBlockStats': done(lambda c, d, disk: d.blockStats(disk)),
    'virDomainGetBlockInfo': done(lambda c, d, disk: d.blockInfo(disk, 0)),
    'virDomainGetBlockIoTune': done(lambda c, d, disk, f: d.blockIoTune(disk, f)),
    'virDomainGetDiskErrors': done(lambda c, d: d.diskErrors(0)),
    'virDomainInterfaceStats': done(lambda c, d, dev: d.interfaceStats(dev)),
    'virDomainGetInterfaceParameters': done(lambda c, d, dev, f: d.interfaceParameters(dev, f)),
    'virDomainInterfaceAddresses': done(lambda c, d, src: d.interfaceAddresses(src, 0)),
    'virDomainGetHostname': done(lambda c, d, f: d.hostname(f)),
    'virDomainFSTrim': done(lambda c, d, mp, m: d.fSTrim(mp, m, 0)),
    'virDomainFSFreeze': done(lambda c, d, mps: d.fsFreeze(mps, 0)),
    'virDomainFSThaw': done(lambda c, d, mps: d.fsThaw(mps, 0)),
    'virDomainGetFSInfo': done(lambda c, d: d.fsInfo(0)),
    'virDomainGetTime': done(lambda c, d: d.getTime(0)),
    'virDomainSetTime': done(lambda c, d, sec, f: d.setTime({'seconds': sec, 'nseconds': 0}, f)),
    'virDomainSetUserPassword': done(lambda c, d, u, pw, f: d.setUserPassword(u, pw, f)),
    'virDomainGetControlInfo': done(lambda c, d: d.controlInfo(0)),
    'virDomainGetAutostart': done(lambda c, d: d.autostart()),
    'virDomainSetAutostart': done(lambda c, d, v: d.setAutostart(v)),
    'virDomainGetSecurityLabel': done(lambda c, d: d.securityLabel()),
    'virDomainGetLaunchSecurityInfo': done(lambda c, d: d.launchSecurityInfo(0)),
    'virDomainSnapshotCreateXML': lambda c, d, x, f: handle(d.snapshotCreateXML(x, f)),
    'virDomainSnapshotLookupByName': lambda c, d, n: handle(d.snapshotLookupByName(n, 0)),
    'virDomainSnapshotGetName': lambda c, s: s.getName(),
    'virDomainSnapshotIsCurrent': lambda c, s: s.isCurrent(0),
    'virDomainSnapshotGetXMLDesc': done(lambda c, s, f: s.getXMLDesc(f)),
    'virDomainSnapshotGetParent': done(lambda c, s: s.getParent(0)),
    'virDomainSnapshotListAllChildren': done(lambda c, s, f: s.listAllChildren(f)),
    'virDomainSnapshotDelete': done(lambda c, s, f: s.delete(f)),
    'virDomainRevertToSnapshot': done(lambda c, d, s, f: d.revertToSnapshot(s, f)),
    'virDomainSnapshotCurrent': done(lambda c, d: d.snapshotCurrent(0)),
    'virDomainHasCurrentSnapshot': lambda c, d: d.hasCurrentSnapshot(0),
    'virDomainListAllSnapshots': done(lambda c, d, f: d.listAllSnapshots(f)),
    'virDomainCheckpointCreateXML': lambda c, d, x, f: handle(d.checkpointCreateXML(x, f)),
    'virDomainCheckpointGetXMLDesc': done(lambda c, k, f: k.getXMLDesc(f)),
    'virDomainCheckpointGetParent': done(lambda c, k: k.getParent(0)),
    'virDomainCheckpointListAllChildren': done(lambda c, k, f: k.listAllChildren(f)),
    'virDomainCheckpointDelete': done(lambda c, k, f: k.delete(f)),
    'virDomainCheckpointLookupByName': done(lambda c, d, n: d.checkpointLookupByName(n, 0)),
    'virDomainListAllCheckpoints': done(lambda c, d, f: d.listAllCheckpoints(f)),
    'virDomainIsPersistent': lambda c, d: d.isPersistent(),
    'virDomainIsUpdated': lambda c, d: d.isUpdated(),
    'virDomainGetOSType': lambda c, d: d.OSType(),
    'virDomainGetMaxMemory': lambda c, d: d.maxMemory(),
    # functions libvirt 9.0's test driver leaves out: each fails with NO_SUPPORT in its object kind's error domain
    'virDomainAttachDeviceFlags': done(lambda c, d, x, f: d.attachDeviceFlags(x, f)),
    'virDomainDetachDeviceFlags': done(lambda c, d, x, f: d.detachDeviceFlags(x, f)),
    'virDomainDetachDeviceAlias': done(lambda c, d, a, f: d.detachDeviceAlias(a, f)),
    'virDomainUpdateDeviceFlags': done(lambda c, d, x, f: d.updateDeviceFlags(x, f)),
    'virDomainGetBlockJobInfo': done(lambda c, d, disk, f: d.blockJobInfo(disk, f)),
    'virDomainBlockJobAbort': done(lambda c, d, disk, f: d.blockJobAbort(disk, f)),
    'virDomainBlockJobSetSpeed': done(lambda c, d, disk, bw, f: d.blockJobSetSpeed(disk, bw, f)),
    'virDomainBlockPull': done(lambda c, d, disk, bw, f: d.blockPull(disk, bw, f)),
    'virDomainBlockRebase': done(lambda c, d, disk, base, bw, f: d.blockRebase(disk, base, bw, f)),
    'virDomainBlockCommit': done(lambda c, d, disk, base, top, bw, f: d.blockCommit(disk, base, top, bw, f)),
    'virDomainBlockCopy': done(lambda c, d, disk, x, f: d.blockCopy(disk, x, None, f)),
    'virDomainSetBlockThreshold': done(lambda c, d, dev, t: d.setBlockThreshold(dev, t, 0)),
    'virDomainBlockResize': done(lambda c, d, disk, size, f: d.blockResize(disk, size, f)),
    'virDomainBlockPeek': done(lambda c, d, disk, off, size: d.blockPeek(disk, off, size, 0)),
    'virDomainBlockStatsFlags': done(lambda c, d, disk: d.blockStatsFlags(disk, 0)),
    'virDomainGetGuestInfo': done(lambda c, d, t: d.guestInfo(t, 0)),
    'virDomainSetGuestVcpus': done(lambda c, d, m, s: d.setGuestVcpus(m, s, 0)),
    'virDomainSetVcpu': done(lambda c, d, m, s, f: d.setVcpu(m, s, f)),
    'virDomainGetJobInfo': done(lambda c, d: d.jobInfo()),
    'virDomainGetJobStats': done(lambda c, d, f: d.jobStats(f)),
    'virDomainAbortJob': done(lambda c, d: d.abortJob()),
    'virDomainGetSecurityLabelList': done(lambda c, d: d.securityLabelList()),
    'virDomainManagedSaveDefineXML': done(lambda c, d, x, f: d.managedSaveDefineXML(x, f)),
    'virDomainPMSuspendForDuration': done(lambda c, d, t, s: d.pMSuspendForDuration(t, s, 0)),
    'virDomainPMWakeup': done(lambda c, d: d.pMWakeup(0)),
    'virDomainAuthorizedSSHKeysGet': done(lambda c, d, u: d.authorizedSSHKeysGet(u, 0)),
    'virDomainAgentSetResponseTimeout': done(lambda c, d, t: d.agentSetResponseTimeout(t, 0)),
    'virDomainStartDirtyRateCalc': done(lambda c, d, s, f: d.startDirtyRateCalc(s, f)),
    'virDomainMigrateGetMaxSpeed': done(lambda c, d, f: d.migrateGetMaxSpeed(f)),
    'virDomainMigrateSetMaxSpeed': done(lambda c, d, bw, f: d.migrateSetMaxSpeed(bw, f)),
    'virDomainMigrateGetCompressionCache': done(lambda c, d: d.migrateGetCompressionCache(0)),
    'virDomainBackupGetXMLDesc': done(lambda c, d: d.backupGetXMLDesc(0)),
    'virDomainOpenConsole': done(lambda c, d, dev, f: with_stream(c, lambda st: d.openConsole(dev, st, f))),
    'virDomainOpenChannel': done(lambda c, d, name, f: with_stream(c, lambda st: d.openChannel(name, st, f))),
    'virStorageVolUpload': done(lambda c, v, off, n, f: with_stream(c, lambda st: v.upload(st, off, n, f))),
    'virStorageVolDownload': done(lambda c, v, off, n, f: with_stream(c, lambda st: v.download(st, off, n, f))),
    'virConnectDomainXMLFromNative': done(lambda c, fmt, cfg: c.domainXMLFromNative(fmt, cfg, 0)),
    'virConnectDomainXMLToNative': done(lambda c, fmt, x: c.domainXMLToNative(fmt, x, 0)),
    'virConnectListAllSecrets': done(lambda c, f: c.listAllSecrets(f)),
    'virSecretDefineXML': done(lambda c, x, f: c.secretDefineXML(x, f)),
    'virSecretLookupByUUID': done(lambda c, u: c.secretLookupByUUID(uuid.UUID(u).bytes)),
    'virConnectListAllNWFilters': done(lambda c: c.listAllNWFilters(0)),
    'virNWFilterDefineXML': done(lambda c, x: c.nwfilterDefineXML(x)),
    'virNWFilterLookupByName': done(lambda c, n: c.nwfilterLookupByName(n)),
    'virConnectListAllNWFilterBindings': done(lambda c: c.listAllNWFilterBindings(0)),
    'virNetworkPortCreateXML': done(lambda c, n, x, f: n.portCreateXML(x, f)),
    'virNodeSuspendForDuration': done(lambda c, t, s: c.suspendForDuration(t, s, 0)),
    'virNodeGetSEVInfo': done(lambda c: c.getSEVInfo(0)),
    'virConnectBaselineHypervisorCPU': done(lambda c, e, a, m, v, xs, f: c.baselineHypervisorCPU(e, a, m, v, xs, f)),
    'virConnectCompareHypervisorCPU': done(lambda c, e, a, m, v, x, f: c.compareHypervisorCPU(e, a, m, v, x, f)),
    'virConnectIsSecure': lambda c: c.isSecure(),
    'virConnectIsEncrypted': lambda c: c.isEncrypted(),
    # the entry points of libvirt's test driver that coverage.calls adds (see test-driver-tables.txt)
    'virConnectGetType': lambda c: c.getType(),
    'virConnectGetVersion': lambda c: c.getVersion(),
    'virConnectGetHostname': hostname,
    'virConnectIsAlive': lambda c: c.isAlive(),
    'virConnectNumOfDomains': lambda c: c.numOfDomains(),
    'virConnectListDomains': lambda c: sorted(c.listDomainsID()),
    'virConnectNumOfDefinedDomains': lambda c: c.numOfDefinedDomains(),
    'virConnectListDefinedDomains': lambda c: sorted(c.listDefinedDomains()),
    'virDomainLookupByUUID': lambda c, u: handle(c.lookupByUUID(uuid.UUID(u).bytes)),
    'virNetworkLookupByUUID': lambda c, u: handle(c.networkLookupByUUID(uuid.UUID(u).bytes)),
    'virStoragePoolLookupByUUID': lambda c, u: handle(c.storagePoolLookupByUUID(uuid.UUID(u).bytes)),
    'virDomainDefineXMLFlags': lambda c, x, f: handle(c.defineXMLFlags(x, f)),
    'virDomainCreate': done(lambda c, d: d.create()),
    'virDomainShutdown': done(lambda c, d: d.shutdown()),
    'virDomainDestroy': done(lambda c, d: d.destroy()),
    'virDomainUndefine': done(lambda c, d: d.undefine()),
    'virDomainSetMemory': done(lambda c, d, m: d.setMemory(m)),
    'virDomainSetVcpus': done(lambda c, d, n: d.setVcpus(n)),
    'virDomainPinVcpu': done(lambda c, d, v, m: d.pinVcpu(v, cpumap(m))),
    'virDomainSetMemoryParameters': done(lambda c, d, p, f: d.setMemoryParameters(typed_params(p), f)),
    'virDomainSetNumaParameters': done(lambda c, d, p, f: d.setNumaParameters(typed_params(p), f)),
    'virDomainSetInterfaceParameters': done(lambda c, d, dev, p, f: d.setInterfaceParameters(dev, typed_params(p),
                                                                                             f)),
    'virDomainSetBlockIoTune': done(lambda c, d, disk, p, f: d.setBlockIoTune(disk, typed_params(p), f)),
    'virDomainSetBlkioParameters': done(lambda c, d, p, f: d.setBlkioParameters(typed_params(p), f)),
    'virDomainSetPerfEvents': done(lambda c, d, p, f: d.setPerfEvents(typed_params(p), f)),
    'virDomainSetSchedulerParameters': done(lambda c, d, p: d.setSchedulerParameters(typed_params(p))),
    'virDomainSetSchedulerParametersFlags': set_scheduler_parameters_flags,
    'virDomainGetSchedulerParameters': lambda c, d: d.schedulerParameters(),
    'virDomainSetMetadata': done(lambda c, d, t, m, k, u, f: d.setMetadata(t, m, k, u, f)),
    'virDomainSave': done(lambda c, d, to: d.save(to)),
    'virDomainRestore': done(lambda c, frm: c.restore(frm)),
    'virDomainRestoreFlags': done(lambda c, frm, x, f: c.restoreFlags(frm, x, f)),
    'virDomainSaveImageGetXMLDesc': lambda c, file, f: c.saveImageGetXMLDesc(file, f),
    'virDomainSaveImageDefineXML': done(lambda c, file, x, f: c.saveImageDefineXML(file, x, f)),
    'virDomainSnapshotNum': lambda c, d, f: d.snapshotNum(f),
    'virDomainSnapshotListNames': lambda c, d, f: sorted(d.snapshotListNames(f)),
    'virDomainSnapshotNumChildren': lambda c, s, f: s.numChildren(f),
    'virDomainSnapshotListChildrenNames': lambda c, s, f: sorted(s.listChildrenNames(f)),
    'virDomainSnapshotHasMetadata': lambda c, s: s.hasMetadata(0),
    # host interfaces
    'virConnectListAllInterfaces': lambda c, f: handles(c.listAllInterfaces(f)),
    'virConnectNumOfInterfaces': lambda c: c.numOfInterfaces(),
    'virConnectListInterfaces': lambda c: sorted(c.listInterfaces()),
    'virConnectNumOfDefinedInterfaces': lambda c: c.numOfDefinedInterfaces(),
    'virConnectListDefinedInterfaces': lambda c: sorted(c.listDefinedInterfaces()),
    'virInterfaceLookupByName': lambda c, n: handle(c.interfaceLookupByName(n)),
    'virInterfaceLookupByMACString': lambda c, m: handle(c.interfaceLookupByMACString(m)),
    'virInterfaceDefineXML': lambda c, x, f: handle(c.interfaceDefineXML(x, f)),
    'virInterfaceGetName': lambda c, i: i.name(),
    'virInterfaceGetMACString': lambda c, i: i.MACString(),
    'virInterfaceGetXMLDesc': lambda c, i, f: i.XMLDesc(f),
    'virInterfaceIsActive': lambda c, i: i.isActive(),
    'virInterfaceCreate': lambda c, i, f: i.create(f),
    'virInterfaceDestroy': lambda c, i, f: i.destroy(f),
    'virInterfaceUndefine': lambda c, i: i.undefine(),
    'virInterfaceChangeBegin': lambda c, f: c.changeBegin(f),
    'virInterfaceChangeCommit': lambda c, f: c.changeCommit(f),
    'virInterfaceChangeRollback': lambda c, f: c.changeRollback(f),
    # storage pools
    'virConnectListAllStoragePools': lambda c, f: handles(c.listAllStoragePools(f)),
    'virConnectNumOfStoragePools': lambda c: c.numOfStoragePools(),
    'virConnectListStoragePools': lambda c: sorted(c.listStoragePools()),
    'virConnectNumOfDefinedStoragePools': lambda c: c.numOfDefinedStoragePools(),
    'virConnectListDefinedStoragePools': lambda c: sorted(c.listDefinedStoragePools()),
    'virConnectFindStoragePoolSources': lambda c, t, s, f: c.findStoragePoolSources(t, s, f),
    'virConnectGetStoragePoolCapabilities': lambda c, f: c.getStoragePoolCapabilities(f),
    'virStoragePoolLookupByName': lambda c, n: handle(c.storagePoolLookupByName(n)),
    'virStoragePoolLookupByUUIDString': lambda c, u: handle(c.storagePoolLookupByUUIDString(u)),
    'virStoragePoolLookupByTargetPath': lambda c, p: handle(c.storagePoolLookupByTargetPath(p)),
    'virStoragePoolLookupByVolume': lambda c, v: handle(v.storagePoolLookupByVolume()),
    'virStoragePoolCreateXML': lambda c, x, f: handle(c.storagePoolCreateXML(x, f)),
    'virStoragePoolDefineXML': lambda c, x, f: handle(c.storagePoolDefineXML(x, f)),
    'virStoragePoolGetName': lambda c, p: p.name(),
    'virStoragePoolGetUUIDString': lambda c, p: p.UUIDString(),
    'virStoragePoolBuild': lambda c, p, f: p.build(f),
    'virStoragePoolUndefine': lambda c, p: p.undefine(),
    'virStoragePoolCreate': lambda c, p, f: p.create(f),
    'virStoragePoolDestroy': lambda c, p: p.destroy(),
    'virStoragePoolDelete': lambda c, p, f: p.delete(f),
    'virStoragePoolRefresh': lambda c, p, f: p.refresh(f),
    'virStoragePoolGetInfo': lambda c, p: p.info(),
    'virStoragePoolGetXMLDesc': lambda c, p, f: p.XMLDesc(f),
    'virStoragePoolGetAutostart': lambda c, p: p.autostart(),
    'virStoragePoolSetAutostart': lambda c, p, v: p.setAutostart(v),
    'virStoragePoolIsActive': lambda c, p: p.isActive(),
    'virStoragePoolIsPersistent': lambda c, p: p.isPersistent(),
    'virStoragePoolNumOfVolumes': lambda c, p: p.numOfVolumes(),
    'virStoragePoolListVolumes': lambda c, p: sorted(p.listVolumes()),
    'virStoragePoolListAllVolumes': lambda c, p, f: handles(p.listAllVolumes(f)),
    # storage volumes
    'virStorageVolLookupByName': lambda c, p, n: handle(p.storageVolLookupByName(n)),
    'virStorageVolLookupByKey': lambda c, k: handle(c.storageVolLookupByKey(k)),
    'virStorageVolLookupByPath': lambda c, p: handle(c.storageVolLookupByPath(p)),
    'virStorageVolCreateXML': lambda c, p, x, f: handle(p.createXML(x, f)),
    'virStorageVolCreateXMLFrom': lambda c, p, x, v, f: handle(p.createXMLFrom(x, v, f)),
    'virStorageVolGetName': lambda c, v: v.name(),
    'virStorageVolGetKey': lambda c, v: v.key(),
    'virStorageVolGetPath': lambda c, v: v.path(),
    'virStorageVolGetInfo': lambda c, v: v.info(),
    'virStorageVolGetInfoFlags': lambda c, v, f: v.infoFlags(f),
    'virStorageVolGetXMLDesc': lambda c, v, f: v.XMLDesc(f),
    'virStorageVolDelete': lambda c, v, f: v.delete(f),
    'virStorageVolWipe': lambda c, v, f: v.wipe(f),
    'virStorageVolWipePattern': lambda c, v, a, f: v.wipePattern(a, f),
    'virStorageVolResize': lambda c, v, n, f: v.resize(n, f),
    # node devices
    'virConnectListAllNodeDevices': lambda c, f: handles(c.listAllDevices(f)),
    'virNodeListDevices': lambda c, cap, f: sorted(c.listDevices(cap, f)),
    'virNodeNumOfDevices': lambda c, cap, f: c.numOfDevices(cap, f),
    'virNodeDeviceLookupByName': lambda c, n: handle(c.nodeDeviceLookupByName(n)),
    'virNodeDeviceLookupSCSIHostByWWN': lambda c, n, p, f: handle(c.nodeDeviceLookupSCSIHostByWWN(n, p, f)),
    'virNodeDeviceCreateXML': lambda c, x, f: handle(c.nodeDeviceCreateXML(x, f)),
    'virNodeDeviceDefineXML': lambda c, x, f: handle(c.nodeDeviceDefineXML(x, f)),
    'virNodeDeviceGetName': lambda c, d: d.name(),
    'virNodeDeviceGetParent': lambda c, d: d.parent(),
    'virNodeDeviceGetXMLDesc': lambda c, d, f: d.XMLDesc(f),
    'virNodeDeviceNumOfCaps': lambda c, d: d.numOfCaps(),
    'virNodeDeviceListCaps': lambda c, d: d.listCaps(),
    'virNodeDeviceDestroy': lambda c, d: d.destroy(),
    'virNodeDeviceCreate': lambda c, d, f: d.create(f),
    'virNodeDeviceUndefine': lambda c, d, f: d.undefine(f),
    'virNodeDeviceIsActive': lambda c, d: d.isActive(),
    'virNodeDeviceIsPersistent': lambda c, d: d.isPersistent(),
    'virNodeDeviceGetAutostart': lambda c, d: d.autostart(),
    'virNodeDeviceDetachFlags': lambda c, d, n, f: d.detachFlags(n, f),
    'virNodeDeviceReset': lambda c, d: d.reset(),
    # the host
    'virNodeGetInfo': lambda c: c.getInfo(),
    'virConnectGetCapabilities': lambda c: c.getCapabilities(),
    'virConnectGetSysinfo': lambda c, f: c.getSysinfo(f),
    'virNodeGetCPUStats': lambda c, n, f: c.getCPUStats(n, f),
    'virNodeGetMemoryStats': lambda c, n, f: c.getMemoryStats(n, f),
    'virNodeGetFreeMemory': lambda c: c.getFreeMemory(),
    'virNodeGetCellsFreeMemory': cells_free_memory,
    'virNodeGetFreePages': free_pages,
    'virNodeGetCPUMap': lambda c, f: c.getCPUMap(f),
    'virNodeGetSecurityModel': lambda c: c.getSecurityModel(),
    'virNodeGetMemoryParameters': lambda c, f: c.getMemoryParameters(f),
    'virConnectCompareCPU': lambda c, x, f: c.compareCPU(x, f),
    'virConnectBaselineCPU': lambda c, xs, f: c.baselineCPU(xs, f),
    'virConnectGetCPUModelNames': lambda c, a, f: c.getCPUModelNames(a, f),
    'virConnectGetDomainCapabilities': lambda c, e, a, m, v, f: c.getDomainCapabilities(e, a, m, v, f),
    'virConnectGetMaxVcpus': lambda c, t: c.getMaxVcpus(t),
}


# functions that return 0 on success, shown as jvirt's void methods are
VOID = {'virNetworkSetAutostart', 'virNetworkCreate', 'virNetworkDestroy', 'virNetworkUndefine', 'virNetworkUpdate',
        'virInterfaceCreate', 'virInterfaceDestroy', 'virInterfaceUndefine', 'virInterfaceChangeBegin',
        'virInterfaceChangeCommit', 'virInterfaceChangeRollback', 'virStoragePoolBuild', 'virStoragePoolUndefine',
        'virStoragePoolCreate', 'virStoragePoolDestroy', 'virStoragePoolDelete', 'virStoragePoolRefresh',
        'virStoragePoolSetAutostart', 'virStorageVolDelete', 'virStorageVolWipe', 'virStorageVolWipePattern',
        'virStorageVolResize', 'virNodeDeviceDestroy', 'virNodeDeviceCreate', 'virNodeDeviceUndefine',
        'virNodeDeviceDetachFlags', 'virNodeDeviceReset'}


def tokens(line):
    out = []
    i = 0
    while i < len(line):
        if line[i] == ' ':
            i += 1
            continue
        if line[i] == '"':
            value, end = json.JSONDecoder().raw_decode(line, i)
            out.append(('str', value))
            i = end
            continue
        j = line.find(' ', i)
        j = len(line) if j < 0 else j
        out.append(('word', line[i:j]))
        i = j
    return out


class Script:
    def __init__(self, path):
        self.path = path
        self.dir = os.path.dirname(path)
        self.vars = {}
        self.conn = None
        self.events = []
        self.callbacks = []

    def value(self, tok):
        kind, text = tok
        if kind == 'str':
            return text
        if text == 'null':
            return None
        if text.startswith('$'):
            h = self.vars[text[1:]]
            return h.obj if isinstance(h, Handle) else h
        if text.startswith('@'):
            with open(os.path.join(self.dir, text[1:]), encoding='utf-8') as f:
                return f.read()
        if text.startswith('['):
            inner = text[1:-1]
            return [self.value(('word', w)) for w in inner.split(',')] if inner else []
        if text.lstrip('-').isdigit() or text.startswith('0x'):
            return int(text, 0)
        return text.replace('${dir}', self.dir).replace('${shared}', SHARED)

    def open(self, uri):
        self.conn = libvirt.open(uri)
        c = self.conn
        self.callbacks = [
            (c.networkEventDeregisterAny,
             c.networkEventRegisterAny(None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, self.on_network, None)),
            (c.storagePoolEventDeregisterAny,
             c.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, self.on_pool, None)),
            (c.storagePoolEventDeregisterAny,
             c.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, self.on_refresh, None)),
            (c.nodeDeviceEventDeregisterAny,
             c.nodeDeviceEventRegisterAny(None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, self.on_device, None)),
            (c.nodeDeviceEventDeregisterAny,
             c.nodeDeviceEventRegisterAny(None, libvirt.VIR_NODE_DEVICE_EVENT_ID_UPDATE, self.on_update, None)),
        ]

    def open_auth(self, uri, answers):
        """Opens with a credential callback offering the types named as TYPE=ANSWER (TYPE alone: no answer)."""
        given = {}
        for a in answers:
            name, _, value = a.partition('=')
            given[getattr(libvirt, 'VIR_CRED_' + name)] = value if _ else None
        names = {getattr(libvirt, k): k[len('VIR_CRED_'):] for k in dir(libvirt) if k.startswith('VIR_CRED_')}
        asked = []

        def callback(creds, opaque):
            for cred in creds:
                asked.append('ask %s %s' % (names[cred[0]], json.dumps(cred[1])))
                cred[4] = given.get(cred[0])
            return 0
        try:
            conn = libvirt.openAuth(uri, [list(given), callback, None], 0)
            conn.close()
            asked.append('ok')
        except libvirt.libvirtError as e:
            asked.append(error(e))
        return '\n'.join(asked)

    def on_network(self, conn, net, event, detail, opaque):
        self.events.append('event network %s %s %d' % (net.name(), NET_EVENTS[event], detail))

    def on_pool(self, conn, pool, event, detail, opaque):
        self.events.append('event pool %s %s %d' % (pool.name(), POOL_EVENTS[event], detail))

    def on_refresh(self, conn, pool, opaque):
        self.events.append('event pool %s REFRESH' % pool.name())

    def on_device(self, conn, dev, event, detail, opaque):
        self.events.append('event nodedev %s %s %d' % (dev.name(), DEV_EVENTS[event], detail))

    def on_update(self, conn, dev, opaque):
        self.events.append('event nodedev %s UPDATE' % dev.name())

    def close(self):
        for deregister, callback_id in self.callbacks:
            deregister(callback_id)
        self.callbacks = []
        self.conn.close()
        self.conn = None

    def drain(self):
        # the test driver hands queued events to the event loop on a timer of 0; a short timer of ours keeps each
        # iteration from waiting forever when nothing is queued
        for _ in range(3):
            libvirt.virEventRunDefaultImpl()
        out = self.events
        self.events = []
        return out

    def run(self, line):
        toks = tokens(line)
        target = None
        if len(toks) > 2 and toks[0][1].startswith('$') and toks[1][1] == '=':
            target = toks[0][1][1:]
            toks = toks[2:]
        fn = toks[0][1]
        if fn == 'open':
            try:
                self.open(self.value(toks[1]))
            except libvirt.libvirtError as e:
                return error(e)
            return 'ok'
        if fn == 'openauth':
            return self.open_auth(self.value(toks[1]), [t[1] for t in toks[2:]])
        if fn == 'close':
            self.close()
            return 'ok'
        if fn == 'events':
            return '\n'.join(self.drain()) or 'none'
        missing = [t[1] for t in toks[1:] if t[0] == 'word' and t[1].startswith('$') and t[1][1:] not in self.vars]
        if missing:
            # an earlier call that should have given it failed
            return 'undefined ' + missing[0]
        args = [self.value(t) for t in toks[1:]]
        try:
            result = FUNCS[fn](self.conn, *args)
        except libvirt.libvirtError as e:
            return error(e)
        if result is DONE or (fn in VOID and result == 0):
            return 'ok'
        if target:
            self.vars[target] = result
        return render(result)


def error(e):
    return 'error %s %s: %s' % (ERR_NAMES.get(e.get_error_code(), e.get_error_code()),
                                FROM_NAMES.get(e.get_error_domain(), e.get_error_domain()), e.get_error_message())


def inline(v):
    if v is None:
        return 'null'
    if isinstance(v, Handle):
        return v.render()
    if isinstance(v, bool):
        return '1' if v else '0'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return '[' + ', '.join(inline(x) for x in v) + ']'
    if isinstance(v, dict):
        return '{' + ', '.join('%s: %s' % (k, inline(x)) for k, x in v.items()) + '}'
    raise TypeError(v)


def render(v):
    if isinstance(v, str) and '\n' in v:
        return v[:-1] if v.endswith('\n') else v + '\n\\ no newline at end'
    return inline(v)


def record(path):
    script = Script(path)
    out = []
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            out.append('> ' + line)
            # results that name the shared test data are kept independent of where it lies
            out.append(script.run(line).replace(SHARED, '${shared}'))
    if script.conn is not None:
        script.close()
    with open(path[:-len('.calls')] + '.expected', 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


def main(args):
    folder = CALLS
    if args[:1] == ['--dir']:
        folder = os.path.abspath(args[1])
        args = args[2:]
    libvirt.virEventRegisterDefaultImpl()
    libvirt.virEventAddTimeout(10, lambda timer, opaque: None, None)
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    scripts = sorted(f for f in os.listdir(folder) if f.endswith('.calls'))
    for name in scripts:
        if args and name[:-len('.calls')] not in args:
            continue
        record(os.path.join(folder, name))
        print('recorded', name)


if __name__ == '__main__':
    main(sys.argv[1:])
