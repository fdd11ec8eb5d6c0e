#!/usr/bin/python3
"""Runs the scenarios of src/test/resources/test-driver/*.scenario against libvirt's own test driver (the
libvirt-python module, in process) and writes what each call gives to NAME.expected, where
TestDriverScenariosTest runs the same calls on jvirt's test driver and compares.

Run from bundles/core: /usr/bin/python3 src/test/scripts/record-test-driver.py [NAME ...]

A scenario line is an operation and its arguments (shell quoting); flags are libvirt constant names without
VIR_ joined by |, written to the expected file as numbers. $NAME names a domain handle kept by 'keep NAME DOMAIN',
@FILE the text of a file beside the scenario. Values that move with the clock are written as N.
"""
import os
import re
import shlex
import subprocess
import sys

import libvirt

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'test-driver')


class Run:
    def __init__(self, folder):
        self.folder = folder
        self.conn = None
        self.kept = {}
        self.events = []
        self.out = []

    # ---- arguments

    def flags(self, text):
        if re.fullmatch(r'-?\d+', text):
            return int(text)
        value = 0
        for name in text.split('|'):
            value |= getattr(libvirt, 'VIR_' + name)
        return value

    def dom(self, text):
        if text.startswith('$'):
            return self.kept[text[1:]]
        return self.conn.lookupByName(text)

    def text(self, arg):
        if arg.startswith('@'):
            with open(os.path.join(self.folder, arg[1:])) as f:
                return f.read()
        return None if arg == 'NULL' else arg

    def params(self, text):
        """field=value;field=value; values are numbers, true/false or text (:text when it looks like a number)."""
        out = {}
        if not text:
            return out
        for part in text.split(';'):
            k, v = part.split('=', 1)
            if v.startswith(':'):
                out[k] = v[1:]
            elif re.fullmatch(r'\d+', v):
                out[k] = int(v)
            elif v in ('true', 'false'):
                out[k] = v == 'true'
            else:
                out[k] = v
        return out

    def cpumap(self, text):
        """a map as host CPU bits '0,2,3' over the 16 CPUs of test:///default."""
        chosen = {int(x) for x in text.split(',') if x}
        return tuple(i in chosen for i in range(16))

    # ---- output

    def emit(self, line):
        self.out.append(str(line))

    def show_params(self, params):
        for k, v in params.items():
            self.emit('%s=%s' % (k, self.value(v)))

    @staticmethod
    def value(v):
        if isinstance(v, bool):
            return '1' if v else '0'
        return str(v)

    def show_map(self, bits):
        return ''.join('y' if b else '-' for b in bits)

    def xml(self, text):
        text = re.sub(r'<creationTime>\d+</creationTime>', '<creationTime>N</creationTime>', text)
        for line in text.rstrip('\n').split('\n'):
            self.emit(line)

    # ---- events

    def lifecycle(self, conn, dom, event, detail, opaque):
        self.events.append('event lifecycle %s %d %d' % (dom.name(), event, detail))

    def metadata(self, conn, dom, mtype, nsuri, opaque):
        self.events.append('event metadata-change %s %d %s' % (dom.name(), mtype, nsuri))

    def drain(self):
        if not self.listening:
            return
        fired = []
        timer = libvirt.virEventAddTimeout(20, lambda t, o: fired.append(1), None)
        while not fired:
            libvirt.virEventRunDefaultImpl()
        libvirt.virEventRemoveTimeout(timer)
        self.out.extend(self.events)
        self.events.clear()

    # ---- the operations

    def run(self, path):
        self.conn = libvirt.open('test:///default')
        self.listening = False
        with open(path) as f:
            for raw in f:
                line = raw.strip()
                if not line or line.startswith('#'):
                    continue
                args = shlex.split(line)
                op, rest = args[0], args[1:]
                resolved = [op] + [self.resolve(op, i, a) for i, a in enumerate(rest)]
                self.emit('> ' + ' '.join(shlex.quote(a) for a in resolved))
                try:
                    getattr(self, 'op_' + op.replace('-', '_'))(*rest)
                except libvirt.libvirtError as e:
                    self.emit('error %d %d: %s' % (e.get_error_code(), e.get_error_domain(), e.get_error_message()))
                self.drain()
        self.conn.close()
        return self.out

    FLAG_ARGS = {}

    def resolve(self, op, index, arg):
        method = getattr(self, 'op_' + op.replace('-', '_'))
        names = method.__code__.co_varnames[1:method.__code__.co_argcount]
        if index < len(names) and names[index].startswith('flags') and not re.fullmatch(r'-?\d+', arg):
            return str(self.flags(arg))
        return arg

    def op_events(self):
        self.listening = True
        self.conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, self.lifecycle, None)
        self.conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, self.metadata, None)
        self.emit('ok')

    def op_keep(self, name, dom):
        self.kept[name] = self.dom(dom)
        self.emit('ok')

    def op_list(self, flags):
        self.emit(' '.join(sorted(d.name() for d in self.conn.listAllDomains(self.flags(flags)))))

    def op_define(self, xml):
        self.emit(self.conn.defineXML(self.text(xml)).name())

    def op_createXML(self, xml, flags):
        self.emit(self.conn.createXML(self.text(xml), self.flags(flags)).name())

    def op_info(self, d):
        i = self.dom(d).info()
        self.emit('%d %d %d %d' % (i[0], i[1], i[2], i[3]))

    def op_state(self, d):
        self.emit('%d %d' % tuple(self.dom(d).state()))

    def op_dumpxml(self, d, flags):
        self.xml(self.dom(d).XMLDesc(self.flags(flags)))

    def op_start(self, d, flags):
        self.dom(d).createWithFlags(self.flags(flags))
        self.emit('ok')

    def op_destroy(self, d):
        self.dom(d).destroy()
        self.emit('ok')

    def op_suspend(self, d):
        self.dom(d).suspend()
        self.emit('ok')

    def op_resume(self, d):
        self.dom(d).resume()
        self.emit('ok')

    def op_undefine(self, d, flags):
        self.dom(d).undefineFlags(self.flags(flags))
        self.emit('ok')

    def op_save(self, d, path, dxml, flags):
        self.dom(d).saveFlags(path, self.text(dxml), self.flags(flags))
        self.emit('ok')

    def op_restore(self, path, dxml, flags):
        self.conn.restoreFlags(path, self.text(dxml), self.flags(flags))
        self.emit('ok')

    def op_saveImageXML(self, path, flags):
        self.xml(self.conn.saveImageGetXMLDesc(path, self.flags(flags)))

    def op_saveImageDefine(self, path, dxml, flags):
        self.conn.saveImageDefineXML(path, self.text(dxml), self.flags(flags))
        self.emit('ok')

    def op_managedSave(self, d, flags):
        self.dom(d).managedSave(self.flags(flags))
        self.emit('ok')

    def op_hasManagedSave(self, d):
        self.emit(self.dom(d).hasManagedSaveImage(0))

    def op_managedSaveRemove(self, d):
        self.dom(d).managedSaveRemove(0)
        self.emit('ok')

    def op_coreDump(self, d, path, fmt, flags):
        self.dom(d).coreDumpWithFormat(path, int(fmt), self.flags(flags))
        self.emit('ok')

    def op_setMemory(self, d, kib, flags):
        self.dom(d).setMemoryFlags(int(kib), self.flags(flags))
        self.emit('ok')

    def op_setMemoryStatsPeriod(self, d, period, flags):
        self.dom(d).setMemoryStatsPeriod(int(period), self.flags(flags))
        self.emit('ok')

    def op_maxMemory(self, d):
        self.emit(self.dom(d).maxMemory())

    def op_memoryStats(self, d):
        for k, v in self.dom(d).memoryStats().items():
            self.emit('%s=%d' % (k, v))

    def op_vcpusFlags(self, d, flags):
        self.emit(self.dom(d).vcpusFlags(self.flags(flags)))

    def op_maxVcpus(self, d):
        self.emit(self.dom(d).maxVcpus())

    def op_setVcpus(self, d, n, flags):
        self.dom(d).setVcpusFlags(int(n), self.flags(flags))
        self.emit('ok')

    def op_vcpus(self, d):
        infos, maps = self.dom(d).vcpus()
        for (num, st, _, cpu), m in zip(infos, maps):
            self.emit('%d %d N %d %s' % (num, st, cpu, self.show_map(m)))

    def op_pinVcpu(self, d, vcpu, cpus, flags):
        self.dom(d).pinVcpuFlags(int(vcpu), self.cpumap(cpus), self.flags(flags))
        self.emit('ok')

    def op_vcpuPinInfo(self, d, flags):
        for m in self.dom(d).vcpuPinInfo(self.flags(flags)):
            self.emit(self.show_map(m))

    def op_pinEmulator(self, d, cpus, flags):
        self.dom(d).pinEmulator(self.cpumap(cpus), self.flags(flags))
        self.emit('ok')

    def op_emulatorPinInfo(self, d, flags):
        self.emit(self.show_map(self.dom(d).emulatorPinInfo(self.flags(flags))))

    def op_iothreads(self, d, flags):
        for tid, m in self.dom(d).ioThreadInfo(self.flags(flags)):
            self.emit('%d %s' % (tid, self.show_map(m)))

    def op_addIOThread(self, d, tid, flags):
        self.dom(d).addIOThread(int(tid), self.flags(flags))
        self.emit('ok')

    def op_delIOThread(self, d, tid, flags):
        self.dom(d).delIOThread(int(tid), self.flags(flags))
        self.emit('ok')

    def op_pinIOThread(self, d, tid, cpus, flags):
        self.dom(d).pinIOThread(int(tid), self.cpumap(cpus), self.flags(flags))
        self.emit('ok')

    def op_setIOThreadParams(self, d, tid, params, flags):
        self.dom(d).setIOThreadParams(int(tid), self.params(params), self.flags(flags))
        self.emit('ok')

    def op_rename(self, d, name):
        self.dom(d).rename(name, 0)
        self.emit('ok')

    def op_blkio(self, d, flags):
        self.show_params(self.dom(d).blkioParameters(self.flags(flags)))

    def op_setBlkio(self, d, params, flags):
        self.dom(d).setBlkioParameters(self.params(params), self.flags(flags))
        self.emit('ok')

    def op_memtune(self, d, flags):
        self.show_params(self.dom(d).memoryParameters(self.flags(flags)))

    def op_setMemtune(self, d, params, flags):
        self.dom(d).setMemoryParameters(self.params(params), self.flags(flags))
        self.emit('ok')

    def op_numatune(self, d, flags):
        self.show_params(self.dom(d).numaParameters(self.flags(flags)))

    def op_setNumatune(self, d, params, flags):
        self.dom(d).setNumaParameters(self.params(params), self.flags(flags))
        self.emit('ok')

    def op_ifaceParams(self, d, dev, flags):
        self.show_params(self.dom(d).interfaceParameters(dev, self.flags(flags)))

    def op_setIfaceParams(self, d, dev, params, flags):
        self.dom(d).setInterfaceParameters(dev, self.params(params), self.flags(flags))
        self.emit('ok')

    def op_iotune(self, d, disk, flags):
        self.show_params(self.dom(d).blockIoTune(disk, self.flags(flags)))

    def op_setIotune(self, d, disk, params, flags):
        self.dom(d).setBlockIoTune(disk, self.params(params), self.flags(flags))
        self.emit('ok')

    def op_metadata(self, d, mtype, uri, flags):
        self.xml(self.dom(d).metadata(int(mtype), self.text(uri), self.flags(flags)))

    def op_setMetadata(self, d, mtype, text, key, uri, flags):
        self.dom(d).setMetadata(int(mtype), self.text(text), self.text(key), self.text(uri), self.flags(flags))
        self.emit('ok')

    def op_cpuStats(self, d, total):
        for i, params in enumerate(self.dom(d).getCPUStats(total == 'total')):
            self.emit('cpu %d' % i)
            self.show_params(params)

    def op_sendSignal(self, d, pid, sig):
        self.dom(d).sendProcessSignal(int(pid), int(sig), 0)
        self.emit('ok')

    def op_fsFreeze(self, d, *mounts):
        self.emit(self.dom(d).fsFreeze(list(mounts) or None, 0))

    def op_fsThaw(self, d, *mounts):
        self.emit(self.dom(d).fsThaw(list(mounts) or None, 0))

    def op_fsTrim(self, d, mount):
        self.dom(d).fSTrim(self.text(mount), 0, 0)
        self.emit('ok')

    def op_fsInfo(self, d):
        for mp, name, fstype, aliases in self.dom(d).fsInfo():
            self.emit('%s %s %s %s' % (mp, name, fstype, ','.join(aliases)))

    def op_diskErrors(self, d):
        for k, v in self.dom(d).diskErrors().items():
            self.emit('%s %d' % (k, v))

    def op_perf(self, d, flags):
        self.show_params(self.dom(d).perfEvents(self.flags(flags)))

    def op_setPerf(self, d, params, flags):
        self.dom(d).setPerfEvents(self.params(params), self.flags(flags))
        self.emit('ok')

    def op_schedType(self, d):
        self.emit('%s %d' % tuple(self.dom(d).schedulerType()))

    def op_sched(self, d, flags):
        self.show_params(self.dom(d).schedulerParametersFlags(self.flags(flags)))

    def op_setSched(self, d, params, flags):
        self.dom(d).setSchedulerParametersFlags(self.params(params), self.flags(flags))
        self.emit('ok')

    def op_blockStats(self, d, disk):
        self.dom(d).blockStats(disk)
        self.emit('ok')

    def op_ifaceStats(self, d, dev):
        self.dom(d).interfaceStats(dev)
        self.emit('ok')

    def op_ifaceAddresses(self, d, source):
        for name, v in self.dom(d).interfaceAddresses(int(source), 0).items():
            addrs = ' '.join('%d:%s/%d' % (a['type'], a['addr'], a['prefix']) for a in v['addrs'])
            self.emit('%s %s %s' % (name, v['hwaddr'], addrs))

    def op_blockInfo(self, d, disk):
        self.emit('%d %d %d' % tuple(self.dom(d).blockInfo(disk)))

    def op_injectNMI(self, d):
        self.dom(d).injectNMI(0)
        self.emit('ok')

    def op_sendKey(self, d, codeset, hold, *keys):
        self.dom(d).sendKey(int(codeset), int(hold), [int(k) for k in keys], len(keys), 0)
        self.emit('ok')

    def op_memoryPeek(self, d, start, size, flags):
        self.emit(self.dom(d).memoryPeek(int(start), int(size), self.flags(flags)).hex())

    def op_setLifecycle(self, d, ltype, action, flags):
        self.dom(d).setLifecycleAction(int(ltype), int(action), self.flags(flags))
        self.emit('ok')

    def op_hostname(self, d, flags):
        self.emit(self.dom(d).hostname(self.flags(flags)))

    def op_time(self, d):
        t = self.dom(d).getTime()
        self.emit('%d %d' % (t['seconds'], t['nseconds']))

    def op_setTime(self, d, secs, nsecs, flags):
        self.dom(d).setTime({'seconds': int(secs), 'nseconds': int(nsecs)}, self.flags(flags))
        self.emit('ok')

    def op_controlInfo(self, d):
        self.emit('%d %d %d' % tuple(self.dom(d).controlInfo()))

    def op_setUserPassword(self, d, user, pw, flags):
        self.dom(d).setUserPassword(user, pw, self.flags(flags))
        self.emit('ok')

    def op_launchSecurity(self, d):
        self.show_params(self.dom(d).launchSecurityInfo(0))

    def op_autostart(self, d):
        self.emit(self.dom(d).autostart())

    def op_setAutostart(self, d, v):
        self.dom(d).setAutostart(int(v))
        self.emit('ok')

    def op_stats(self, flags_stats, flags):
        records = self.conn.getAllDomainStats(self.flags(flags_stats), self.flags(flags))
        for dom, params in sorted(records, key=lambda r: r[0].name()):
            self.emit('domain %s' % dom.name())
            self.show_params(params)

    # ---- snapshots

    def snap(self, d, name):
        return self.dom(d).snapshotLookupByName(name, 0)

    def op_snapCreate(self, d, xml, flags):
        self.emit(self.dom(d).snapshotCreateXML(self.text(xml), self.flags(flags)).getName())

    def names(self, items, flags, topological):
        names = [x.getName() for x in items]
        self.emit(' '.join(names if self.flags(flags) & topological else sorted(names)))

    def op_snapList(self, d, flags):
        self.names(self.dom(d).listAllSnapshots(self.flags(flags)), flags, 1024)

    def op_snapNum(self, d, flags):
        self.emit(self.dom(d).snapshotNum(self.flags(flags)))

    def op_snapCurrent(self, d):
        self.emit(self.dom(d).snapshotCurrent(0).getName())

    def op_hasCurrentSnap(self, d):
        self.emit(self.dom(d).hasCurrentSnapshot(0))

    def op_snapXML(self, d, name, flags):
        self.xml(self.snap(d, name).getXMLDesc(self.flags(flags)))

    def op_snapParent(self, d, name):
        self.emit(self.snap(d, name).getParent(0).getName())

    def op_snapIsCurrent(self, d, name):
        self.emit(self.snap(d, name).isCurrent(0))

    def op_snapHasMetadata(self, d, name):
        self.emit(self.snap(d, name).hasMetadata(0))

    def op_snapChildren(self, d, name, flags):
        self.names(self.snap(d, name).listAllChildren(self.flags(flags)), flags, 1024)

    def op_snapDelete(self, d, name, flags):
        self.snap(d, name).delete(self.flags(flags))
        self.emit('ok')

    def op_revert(self, d, name, flags):
        self.dom(d).revertToSnapshot(self.snap(d, name), self.flags(flags))
        self.emit('ok')

    # ---- checkpoints

    def chk(self, d, name):
        return self.dom(d).checkpointLookupByName(name, 0)

    def op_chkCreate(self, d, xml, flags):
        self.emit(self.dom(d).checkpointCreateXML(self.text(xml), self.flags(flags)).getName())

    def op_chkList(self, d, flags):
        self.names(self.dom(d).listAllCheckpoints(self.flags(flags)), flags, 2)

    def op_chkXML(self, d, name, flags):
        self.xml(self.chk(d, name).getXMLDesc(self.flags(flags)))

    def op_chkParent(self, d, name):
        self.emit(self.chk(d, name).getParent(0).getName())

    def op_chkChildren(self, d, name, flags):
        self.names(self.chk(d, name).listAllChildren(self.flags(flags)), flags, 2)

    def op_chkDelete(self, d, name, flags):
        self.chk(d, name).delete(self.flags(flags))
        self.emit('ok')


def record(name):
    libvirt.virEventRegisterDefaultImpl()
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    out = Run(HERE).run(os.path.join(HERE, name + '.scenario'))
    with open(os.path.join(HERE, name + '.expected'), 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('%s: %d lines' % (name, len(out)))


def main(names):
    # one process per scenario: libvirt keeps test:///default's state while any object of it lives
    scenarios = sorted(f[:-len('.scenario')] for f in os.listdir(HERE) if f.endswith('.scenario'))
    for name in names or scenarios:
        subprocess.run([sys.executable, os.path.abspath(__file__), '--one', name], check=True)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--one']:
        record(sys.argv[2])
    else:
        main(sys.argv[1:])
