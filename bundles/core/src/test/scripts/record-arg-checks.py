#!/usr/bin/python3
"""Records libvirt 9.0's answer to each bad argument of src/test/resources/arg-checks/checks.cases and writes
checks.expected beside it, where ArgChecksTest makes the same calls through jvirt's platform and compares.

Run from bundles/core: /usr/bin/python3 src/test/scripts/record-arg-checks.py

The calls go to libvirt's C functions themselves (ctypes on the libvirt.so.0 that libvirt-python loads), on
test:///default, because a binding cannot pass the NULLs and empty arrays the checks are about. Each case runs in a
process of its own, so that a call libvirt lets through cannot change what the next one sees. The arguments a case
does not name get valid values; objects libvirt's test driver cannot make (secrets, network filters, ports) come
from libvirt's own handle constructors, which is all an entry check looks at.

A case line: FUNCTION <TAB> CHECK <TAB> ARGUMENTS [<TAB> ro]. ARGUMENTS are name=value, by libvirt's argument names:
NULL, '' or 'text' (\\n for a newline), a number, constants VIR_A|VIR_B, OTHER (the same kind of object from
another connection), {} or {field:type=value,...} for typed parameters; a count (nparams, nkeycodes, ...) sizes
its array. 'ro' opens the connection read-only. The expected line adds: code <TAB> domain <TAB> message.

With --read-only it writes read-only.expected instead: each function of libvirt's API that works on a connection or
an object of one, called with valid arguments on a connection opened read-only, and libvirt's answer (code 29,
VIR_ERR_OPERATION_DENIED, where libvirt refuses it there).
"""
import ctypes
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET

import libvirt

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'arg-checks')
SHARED = os.environ.get('JVIRT_SHARED',
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', '..', '..',
                                     'shared'))
V = ctypes.c_void_p

# arrays and the argument that counts them, where a function has both
PAIRS = [('keycodes', 'nkeycodes'), ('pages', 'npages'), ('pageSizes', 'npages'), ('pageCounts', 'npages'),
         ('xmlCPUs', 'ncpus'), ('params', 'nparams'), ('mountpoints', 'nmountpoints'), ('keys', 'nkeys'),
         ('value', 'value_size'), ('data', 'nbytes'), ('cpumap', 'maplen')]

INTS = {'int': ctypes.c_int, 'unsigned int': ctypes.c_uint, 'long': ctypes.c_long, 'unsigned long': ctypes.c_ulong,
        'long long': ctypes.c_longlong, 'unsigned long long': ctypes.c_ulonglong, 'size_t': ctypes.c_size_t}
ITEMS = {'unsigned int *': ctypes.c_uint, 'unsigned long long *': ctypes.c_ulonglong,
         'const unsigned char *': ctypes.c_ubyte, 'unsigned char *': ctypes.c_ubyte}
HANDLES = {'virConnectPtr', 'virDomainPtr', 'virNetworkPtr', 'virStoragePoolPtr', 'virStorageVolPtr',
           'virNodeDevicePtr', 'virInterfacePtr', 'virStreamPtr', 'virDomainSnapshotPtr', 'virDomainCheckpointPtr',
           'virSecretPtr', 'virNWFilterPtr', 'virNWFilterBindingPtr', 'virNetworkPortPtr'}
TYPED = {'int': 1, 'uint': 2, 'llong': 3, 'ullong': 4, 'double': 5, 'boolean': 6, 'string': 7}


class TypedValue(ctypes.Union):
    _fields_ = [('i', ctypes.c_int), ('ui', ctypes.c_uint), ('l', ctypes.c_longlong), ('ul', ctypes.c_ulonglong),
                ('d', ctypes.c_double), ('b', ctypes.c_char), ('s', ctypes.c_char_p)]


class TypedParam(ctypes.Structure):
    _fields_ = [('field', ctypes.c_char * 80), ('type', ctypes.c_int), ('value', TypedValue)]


class Error(ctypes.Structure):
    _fields_ = [('code', ctypes.c_int), ('domain', ctypes.c_int), ('message', ctypes.c_char_p)]


def signatures():
    out = {}
    for name in ('libvirt-api.xml', 'libvirt-qemu-api.xml'):
        for f in ET.parse(os.path.join(SHARED, 'libvirt-api', name)).iter('function'):
            out[f.get('name')] = [(a.get('name'), a.get('type')) for a in f.findall('arg')]
    return out


def values(text):
    """name=value pairs, quotes kept out of the way of the splitting."""
    out = {}
    for part in shlex.split(text, posix=False):
        k, v = part.split('=', 1)
        out[k] = v
    return out


class Case:
    def __init__(self, lib, qemu, function, args, readonly):
        self.lib = lib
        self.qemu = qemu
        self.function = function
        self.args = args
        self.keep = []
        self.rw = self.open(b'test:///default', False)
        self.conn = self.open(b'test:///default', True) if readonly else self.rw
        self.other = self.open(b'test:///default', False)

    def fn(self, name, restype=V):
        lib = self.qemu if name.startswith('virDomainQemu') or 'QemuMonitor' in name else self.lib
        f = getattr(lib, name)
        f.restype = restype
        return f

    def open(self, uri, readonly):
        c = self.fn('virConnectOpenReadOnly' if readonly else 'virConnectOpen')(uri)
        if not c:
            raise RuntimeError('cannot open ' + uri.decode())
        return c

    # ---- objects

    def obj(self, ctype, conn):
        dom = lambda c: self.fn('virDomainLookupByName')(V(c), b'test')
        uuid = (ctypes.c_ubyte * 16)(*range(1, 17))
        self.keep.append(uuid)
        if ctype == 'virConnectPtr':
            return conn
        if ctype == 'virDomainPtr':
            return dom(conn)
        if ctype == 'virNetworkPtr':
            return self.fn('virNetworkLookupByName')(V(conn), b'default')
        if ctype == 'virStoragePoolPtr':
            return self.fn('virStoragePoolLookupByName')(V(conn), b'default-pool')
        if ctype == 'virStorageVolPtr':
            pool = self.fn('virStoragePoolLookupByName')(V(self.rw), b'default-pool')
            self.fn('virStorageVolCreateXML')(V(pool), b'<volume><name>argvol</name><capacity>1024</capacity>'
                                                        b'</volume>', 0)
            return self.fn('virStorageVolLookupByName')(
                V(self.fn('virStoragePoolLookupByName')(V(conn), b'default-pool')), b'argvol')
        if ctype == 'virNodeDevicePtr':
            return self.fn('virNodeDeviceLookupByName')(V(conn), b'computer')
        if ctype == 'virInterfacePtr':
            return self.fn('virInterfaceLookupByName')(V(conn), b'eth1')
        if ctype == 'virStreamPtr':
            return self.fn('virStreamNew')(V(conn), 0)
        if ctype == 'virDomainSnapshotPtr':
            self.fn('virDomainSnapshotCreateXML')(V(dom(self.rw)), b'<domainsnapshot><name>argsnap</name>'
                                                               b'</domainsnapshot>', 0)
            return self.fn('virDomainSnapshotLookupByName')(V(dom(conn)), b'argsnap', 0)
        if ctype == 'virDomainCheckpointPtr':
            self.fn('virDomainCheckpointCreateXML')(V(dom(self.rw)), b'<domaincheckpoint><name>argcp</name>'
                                                                 b'</domaincheckpoint>', 0)
            return self.fn('virDomainCheckpointLookupByName')(V(dom(conn)), b'argcp', 0)
        # kinds libvirt's test driver has none of: libvirt's own constructors of handles
        if ctype == 'virSecretPtr':
            return self.fn('virGetSecret')(V(conn), uuid, 0, b'x')
        if ctype == 'virNWFilterPtr':
            return self.fn('virGetNWFilter')(V(conn), b'x', uuid)
        if ctype == 'virNWFilterBindingPtr':
            return self.fn('virGetNWFilterBinding')(V(conn), b'vnet0', b'x')
        if ctype == 'virNetworkPortPtr':
            return self.fn('virGetNetworkPort')(V(self.fn('virNetworkLookupByName')(V(conn), b'default')), uuid)
        raise RuntimeError('no object for ' + ctype)

    # ---- values

    def typed(self, text, count):
        if text is None:
            params = [('x', 'int', '1')] * count
        else:
            params = [] if text == '{}' else [p.split(':', 1)[0:1] + p.split(':', 1)[1].split('=', 1)
                                              for p in text[1:-1].split(',')]
        arr = (TypedParam * max(1, len(params)))()
        for i, (field, kind, value) in enumerate(params):
            arr[i].field = field.encode()
            arr[i].type = TYPED[kind]
            if kind == 'string':
                s = value.encode()
                self.keep.append(s)
                arr[i].value.s = s
            elif kind == 'double':
                arr[i].value.d = float(value)
            else:
                arr[i].value.ul = int(value) & 0xFFFFFFFFFFFFFFFF
        self.keep.append(arr)
        return arr, len(params)

    def scalar(self, name, ctype, text):
        if text == 'NULL':
            return None
        if text == 'OTHER':
            return self.obj(ctype, self.other)
        if text.startswith('VIR_'):
            bits = 0
            for n in text.split('|'):
                bits |= getattr(libvirt, n)
            return bits
        if re.fullmatch(r'-?\d+', text):
            return int(text)
        if text.startswith("'"):
            return text[1:-1].replace('\\n', '\n').encode()
        return text.encode()

    def call(self):
        sig = SIGS[self.function]
        types = dict(sig)
        pairs = {a: c for a, c in PAIRS if a in types and types.get(c) in INTS}
        counts = {}
        for a, c in pairs.items():
            counts.setdefault(c, a)  # a NULL first array means no items at all
        given = dict(self.args)
        argv = []
        for name, ctype in sig:
            text = given.get(name)
            if name in counts:
                array = counts[name]
                if text is not None:
                    value = int(text)
                elif given.get(array) == 'NULL':
                    value = 0
                elif array == 'params' and given.get(array, '').startswith('{'):
                    value = self.typed(given[array], 0)[1]
                else:
                    value = 1
                argv.append(INTS[ctype](value))
                continue
            if name in pairs:
                n = int(given.get(pairs[name], '1'))
                argv.append(self.array(name, ctype, text, n))
                continue
            if ctype in INTS:
                if text is None:
                    value = 0 if name == 'flags' else 1
                else:
                    value = self.scalar(name, ctype, text)
                argv.append(INTS[ctype](value & ((1 << (8 * ctypes.sizeof(INTS[ctype]))) - 1)
                                        if value < 0 and ctype.startswith('unsigned') else value))
            elif ctype in ('const char *', 'char *'):
                argv.append(ctypes.c_char_p(b'x' if text is None else self.scalar(name, ctype, text)))
            elif ctype == 'const char **':
                argv.append(None if text == 'NULL' else (ctypes.c_char_p * 1)(b'x'))
            elif ctype == 'const unsigned char *' and name == 'uuid':
                if text == 'NULL':
                    argv.append(None)
                else:
                    u = (ctypes.c_ubyte * 16)(*range(1, 17))
                    self.keep.append(u)
                    argv.append(u)
            elif ctype == 'virDomainPtr *':
                if text == 'NULL':
                    argv.append(None)
                elif text == '0':
                    argv.append((V * 1)(None))
                else:
                    first = self.obj('virDomainPtr', self.conn)
                    doms = [first, self.obj('virDomainPtr', self.other)] if text == 'OTHER' else [first]
                    argv.append((V * (len(doms) + 1))(*doms, None))
            elif ctype in HANDLES:
                if text is None:
                    conn = self.other if ctype == 'virConnectPtr' and any(
                        t == 'virConnectPtr' for n, t in sig[:len(argv)]) else self.conn
                    argv.append(V(self.obj(ctype, conn)))
                else:
                    argv.append(V(self.scalar(name, ctype, text)))
            elif ctype == 'virTypedParameterPtr':
                # a getter's array, filled by libvirt
                argv.append(self.typed(None, 8)[0])
            elif ctype == 'void *' or ctype == 'virFreeCallback':
                argv.append(None)
            elif 'Callback' in ctype or ctype.endswith('Func'):
                if text == 'NULL':
                    argv.append(None)
                else:
                    cb = ctypes.CFUNCTYPE(ctypes.c_int)(lambda: 0)
                    self.keep.append(cb)
                    argv.append(ctypes.cast(cb, V))
            elif ctype == 'int *' and name == 'nparams':
                # how many parameters the caller has room for
                n = ctypes.c_int(8)
                self.keep.append(n)
                argv.append(ctypes.byref(n))
            elif '*' in ctype or ctype.endswith('Ptr'):
                # what libvirt writes back: room enough for it
                buf = ctypes.create_string_buffer(65536)
                self.keep.append(buf)
                argv.append(buf)
            else:
                raise RuntimeError('%s: cannot pass %s %s' % (self.function, ctype, name))
        self.fn('virResetLastError', None)()
        self.fn(self.function)(*argv)
        err = self.fn('virGetLastError', ctypes.POINTER(Error))()
        if not err:
            return 'ok'
        e = err.contents
        # a message of several lines stays on one, its newlines written \\n
        return '%d\t%d\t%s' % (e.code, e.domain, e.message.decode().replace('\n', '\\n'))

    def array(self, name, ctype, text, n):
        if text == 'NULL':
            return None
        if name == 'params':
            return self.typed(text if text is not None else None, n)[0]
        if ctype == 'const char **':
            arr = (ctypes.c_char_p * max(1, n))(*([b'x'] * n))
        elif ctype in ('const char *', 'char *'):
            arr = ctypes.create_string_buffer(b'x' * max(1, n))
        else:
            arr = (ITEMS[ctype] * max(1, n))(*([1] * n))
        self.keep.append(arr)
        return arr


def one(line):
    lib = ctypes.CDLL('libvirt.so.0')
    qemu = ctypes.CDLL('libvirt-qemu.so.0')
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    cols = line.split('\t')
    case = Case(lib, qemu, cols[0], values(cols[2]), len(cols) > 3 and cols[3] == 'ro')
    print(case.call())


def main():
    out = []
    with open(os.path.join(HERE, 'checks.cases')) as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            answer = subprocess.run([sys.executable, __file__, '--one', line], capture_output=True, text=True)
            if answer.returncode != 0:
                sys.exit('%s: %s' % (line, answer.stderr.strip()))
            cols = line.split('\t') + [''] * (4 - len(line.split('\t')))
            out.append('\t'.join(cols[:4]) + '\t' + answer.stdout.strip())
            print(out[-1])
    with open(os.path.join(HERE, 'checks.expected'), 'w') as f:
        f.write('# written by src/test/scripts/record-arg-checks.py from libvirt %d.%d.%d on test:///default; '
                'do not edit\n' % (libvirt.getVersion() // 1000000, libvirt.getVersion() // 1000 % 1000,
                                   libvirt.getVersion() % 1000))
        f.write('\n'.join(out) + '\n')


# what cannot be called on its own with made-up arguments: handles' life cycle, the event loop, opening
NOT_ALONE = re.compile(r'(Free|Ref|^virConnectOpen.*|^virConnectClose|^virEvent.*|^virStream.*|^virConnectSetKeepAlive'
                       r'|^virConnectIsAlive|^virGetLastError.*|^virInitialize|^virSetErrorFunc|^virConnCopyLastError'
                       r'|^virConnGetLastError|^virConnResetLastError|^virConnSetErrorFunc|^virCopyLastError'
                       r'|^virResetError|^virResetLastError|^virDefaultErrorFunc|^virSaveLastError|^virFreeError'
                       r'|^virTypedParams.*|^virGetVersion|^virConnectGetConnect|GetConnect$)')


def read_only():
    out = []
    for name in sorted(SIGS):
        sig = SIGS[name]
        if not sig or sig[0][1] not in HANDLES or sig[0][1] == 'virStreamPtr' or NOT_ALONE.search(name):
            continue
        line = name + '\t-\t\tro'
        try:
            answer = subprocess.run([sys.executable, __file__, '--one', line], capture_output=True, text=True,
                                    timeout=20)
            got = answer.stdout.strip() if answer.returncode == 0 else 'crash'
        except subprocess.TimeoutExpired:
            got = 'timeout'
        if got in ('crash', 'timeout', ''):
            continue
        out.append(name + '\t' + got)
        print(out[-1])
    with open(os.path.join(HERE, 'read-only.expected'), 'w') as f:
        f.write('# written by src/test/scripts/record-arg-checks.py --read-only from libvirt %d.%d.%d on '
                'test:///default opened read-only; do not edit\n' % (libvirt.getVersion() // 1000000,
                                                                    libvirt.getVersion() // 1000 % 1000,
                                                                    libvirt.getVersion() % 1000))
        f.write('\n'.join(out) + '\n')


SIGS = signatures()

if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--one':
        one(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == '--read-only':
        read_only()
    else:
        main()
