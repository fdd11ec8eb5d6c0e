#!/usr/bin/env python3
"""Generate jvirt's protocol declarations (bundles/rpc) from libvirt's XDR protocol files.

Usage:
    tools/gen-rpc-protocol.py --remote PATH/remote_protocol.x --qemu PATH/qemu_protocol.x [--max-proc 443]

Reads libvirt's src/remote/remote_protocol.x and src/remote/qemu_protocol.x (not kept in this repository) and
writes RemoteProtocol.java and QemuProtocol.java under bundles/rpc/src/main/java/org/jvirt/rpc/{remote,qemu}:
one record per struct reachable from a procedure, a sealed interface per union, the constants, and one Procedure
constant per procedure with its args/ret (or event body), priority and stream annotations. --max-proc keeps the
procedures of one libvirt release (443 is libvirt 9.0's last, REMOTE_PROC_DOMAIN_FD_ASSOCIATE).
"""
import argparse
import os
import re
import sys

# Facts from libvirt's public headers that the .x files use without defining.
EXTERNAL_CONSTS = {
    'VIR_UUID_BUFLEN': 16,
    'VIR_SECURITY_MODEL_BUFLEN': 257,
    'VIR_SECURITY_LABEL_BUFLEN': 4097,
    'VIR_SECURITY_DOI_BUFLEN': 257,
    'VIR_TYPED_PARAM_INT': 1,
    'VIR_TYPED_PARAM_UINT': 2,
    'VIR_TYPED_PARAM_LLONG': 3,
    'VIR_TYPED_PARAM_ULLONG': 4,
    'VIR_TYPED_PARAM_DOUBLE': 5,
    'VIR_TYPED_PARAM_BOOLEAN': 6,
    'VIR_TYPED_PARAM_STRING': 7,
}
JAVA_KEYWORDS = set('''abstract assert boolean break byte case catch char class const continue default do double else
enum extends final finally float for goto if implements import instanceof int interface long native new package
private protected public return short static strictfp super switch synchronized this throw throws transient try void
volatile while record var yield'''.split())


class Decl:
    """One declaration: a struct field, a union arm, or a typedef's target."""
    def __init__(self, base, name, kind='plain', size=None):
        self.base = base      # 'int', 'unsigned int', 'hyper', 'string', 'opaque', 'char', a type name ...
        self.name = name
        self.kind = kind      # plain | var | fixed | pointer
        self.size = size      # expression for var/fixed


class Protocol:
    def __init__(self):
        self.consts = dict(EXTERNAL_CONSTS)
        self.const_order = []
        self.typedefs = {}    # name -> Decl
        self.enums = {}       # name -> [(member, value, annotations)]
        self.structs = {}     # name -> [Decl]
        self.unions = {}      # name -> (discriminant decl, [(case label, Decl or None)])
        self.order = []

    def value(self, expr):
        expr = expr.strip()
        if re.fullmatch(r'0x[0-9a-fA-F]+', expr):
            return int(expr, 16)
        if re.fullmatch(r'-?\d+', expr):
            return int(expr)
        if expr in self.consts:
            return self.consts[expr]
        raise SystemExit('unknown constant ' + expr)


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return '\n'.join(line for line in text.split('\n') if not line.lstrip().startswith('%'))


def parse_decl(text):
    text = ' '.join(text.split())
    m = re.fullmatch(r'(.+?)\s*(\*)?\s*(\w+)\s*(?:([<\[])\s*([\w]*)\s*[>\]])?', text)
    if not m:
        raise SystemExit('cannot parse declaration: ' + text)
    base, star, name, bracket, size = m.groups()
    base = ' '.join(base.split())
    if base == 'unsigned':
        base = 'unsigned int'
    if star:
        return Decl(base, name, 'pointer')
    if bracket == '<':
        return Decl(base, name, 'var', size or None)
    if bracket == '[':
        return Decl(base, name, 'fixed', size)
    return Decl(base, name)


def parse(path, proto):
    raw = open(path, encoding='utf-8').read()
    # enum bodies keep their comments: a procedure's annotations are in the comment before it
    for m in re.finditer(r'enum\s+(\w+)\s*\{(.*?)\}\s*;', raw, flags=re.S):
        members = []
        for chunk in m.group(2).split(','):
            mm = re.search(r'(\w+)\s*=\s*([\w]+)\s*$', strip_comments(chunk).strip())
            if not mm:
                continue
            notes = dict(re.findall(r'@(\w+):\s*([\w]+)', chunk))
            members.append((mm.group(1), mm.group(2), notes))
        proto.enums[m.group(1)] = members
    text = strip_comments(raw)
    text = re.sub(r'enum\s+\w+\s*\{.*?\}\s*;', ' ', text, flags=re.S)
    for m in re.finditer(r'const\s+(\w+)\s*=\s*([\w]+)\s*;', text):
        proto.consts[m.group(1)] = proto.value(m.group(2))
        proto.const_order.append(m.group(1))
    for name, members in proto.enums.items():
        for member, value, _ in members:
            proto.consts[member] = proto.value(value)
    for m in re.finditer(r'typedef\s+([^;]+);', text):
        d = parse_decl(m.group(1))
        proto.typedefs[d.name] = d
    for m in re.finditer(r'struct\s+(\w+)\s*\{(.*?)\}\s*;', text, flags=re.S):
        fields = [parse_decl(f) for f in m.group(2).split(';') if f.strip()]
        proto.structs[m.group(1)] = fields
        proto.order.append(m.group(1))
    for m in re.finditer(r'union\s+(\w+)\s+switch\s*\(([^)]*)\)\s*\{(.*?)\}\s*;', text, flags=re.S):
        arms = []
        for cm in re.finditer(r'case\s+(\w+)\s*:\s*([^;]*);', m.group(3)):
            body = cm.group(2).strip()
            arms.append((cm.group(1), None if body == 'void' else parse_decl(body)))
        proto.unions[m.group(1)] = (parse_decl(m.group(2)), arms)
        proto.order.append(m.group(1))


def camel(name, upper=True):
    parts = [p for p in name.split('_') if p]
    out = ''.join(p[:1].upper() + p[1:] for p in parts)
    if not upper:
        out = out[:1].lower() + out[1:]
    return out


class Emitter:
    def __init__(self, proto, prefix, java_package, cls, foreign=None):
        self.proto = proto
        self.prefix = prefix          # 'remote_' or 'qemu_'
        self.pkg = java_package
        self.cls = cls
        self.foreign = foreign        # the Emitter of the program whose types this one borrows (REMOTE for QEMU)

    def owns(self, name):
        return name in self.proto.structs or name in self.proto.unions or name in self.proto.typedefs \
            or any(name == e for e in self.proto.enums)

    def type_name(self, xname):
        if not self.owns(xname) and self.foreign and self.foreign.owns(xname):
            return self.foreign.cls + '.' + self.foreign.type_name(xname)
        n = xname[len(self.prefix):] if xname.startswith(self.prefix) else xname
        return camel(n)

    def const(self, expr):
        return str(self.proto.value(expr))

    # Java type and XDR expression of a declaration
    def java(self, d):
        b = d.base
        if d.kind in ('var', 'fixed'):
            if b == 'opaque' or b in ('char', 'unsigned char'):
                return 'byte[]'
            if b == 'string':
                return 'String'
            if b in ('int', 'unsigned int'):
                return 'int[]'
            if b in ('hyper', 'unsigned hyper'):
                return 'long[]'
            return 'java.util.List<' + self.boxed(Decl(b, d.name)) + '>'
        if d.kind == 'pointer':
            return self.boxed(Decl(b, d.name))
        return self.scalar(b)

    def scalar(self, b):
        if b in ('int', 'unsigned int', 'char', 'unsigned char', 'short', 'unsigned short'):
            return 'int'
        if b in ('hyper', 'unsigned hyper'):
            return 'long'
        if b == 'bool':
            return 'boolean'
        if b in ('float', 'double'):
            return b
        return self.ref_java(b)

    def boxed(self, d):
        j = self.scalar(d.base)
        return {'int': 'Integer', 'long': 'Long', 'boolean': 'Boolean', 'float': 'Float', 'double': 'Double'}.get(j, j)

    def ref_java(self, xname):
        owner = self if self.owns(xname) else self.foreign
        if xname in owner.proto.typedefs:
            j = owner.java_of_typedef(xname)
            d = owner.proto.typedefs[xname]
            if owner is not self and d.base in owner.proto.structs:
                j = owner.cls + '.' + j
            return j
        if xname in owner.proto.enums:
            return 'int'
        return self.type_name(xname)

    def java_of_typedef(self, xname):
        return self.java(self.proto.typedefs[xname])

    def xdr(self, d):
        b = d.base
        if d.kind == 'var':
            mx = self.const(d.size) if d.size else '4294967295L'
            if b == 'opaque':
                return 'Xdr.opaque(%s)' % mx
            if b == 'string':
                return 'Xdr.string(%s)' % mx
            if b in ('char', 'unsigned char'):
                return 'Xdr.chars(%s)' % mx
            if b in ('int', 'unsigned int'):
                return 'Xdr.intArray(%s)' % mx
            if b in ('hyper', 'unsigned hyper'):
                return 'Xdr.hyperArray(%s)' % mx
            return 'Xdr.array(%s, %s)' % (self.xdr(Decl(b, d.name)), mx)
        if d.kind == 'fixed':
            n = self.const(d.size)
            if b == 'opaque':
                return 'Xdr.fixedOpaque(%s)' % n
            if b in ('char', 'unsigned char'):
                return 'Xdr.fixedChars(%s)' % n
            return 'Xdr.fixedArray(%s, %s)' % (self.xdr(Decl(b, d.name)), n)
        if d.kind == 'pointer':
            return 'Xdr.optional(%s)' % self.xdr(Decl(b, d.name))
        return {'int': 'Xdr.INT', 'unsigned int': 'Xdr.UINT', 'hyper': 'Xdr.HYPER', 'unsigned hyper': 'Xdr.UHYPER',
                'char': 'Xdr.CHAR', 'unsigned char': 'Xdr.CHAR', 'short': 'Xdr.CHAR', 'unsigned short': 'Xdr.CHAR',
                'bool': 'Xdr.BOOL', 'float': 'Xdr.FLOAT', 'double': 'Xdr.DOUBLE'}.get(b) or self.ref_xdr(b)

    def ref_xdr(self, xname):
        owner = self if self.owns(xname) else self.foreign
        qual = '' if owner is self else owner.cls + '.'
        if xname in owner.proto.typedefs and owner.proto.typedefs[xname].kind == 'pointer' \
                and owner.proto.typedefs[xname].base in owner.proto.structs:
            # optional structs stay inline: Types must not wait on a record that waits on Types
            return 'Xdr.optional(%s%s.XDR)' % (qual, owner.type_name(owner.proto.typedefs[xname].base))
        if xname in owner.proto.typedefs or xname in owner.proto.enums:
            return qual + 'Types.' + typedef_const(owner, xname)
        return qual + owner.type_name(xname) + '.XDR'

    def deps(self, xname, seen):
        """Every struct, union, typedef and enum of this protocol that xname needs."""
        if xname in seen or not self.owns(xname):
            return
        seen.add(xname)
        decls = []
        if xname in self.proto.structs:
            decls = self.proto.structs[xname]
        elif xname in self.proto.unions:
            decls = [a for _, a in self.proto.unions[xname][1] if a]
        elif xname in self.proto.typedefs:
            decls = [self.proto.typedefs[xname]]
        for d in decls:
            self.deps(d.base, seen)


def typedef_const(em, xname):
    n = xname[len(em.prefix):] if xname.startswith(em.prefix) else xname
    return n.upper()


def field_name(n):
    f = camel(n, upper=False)
    return f + '_' if f in JAVA_KEYWORDS else f


def emit(em, procs_enum, program_const, version_const, proc_prefix, max_proc, out_dir, doc):
    p = em.proto
    procs = [(name, p.value(v), notes) for name, v, notes in p.enums[procs_enum]]
    procs = [x for x in procs if max_proc is None or x[1] <= max_proc]
    used = set()
    bodies = {}
    for name, num, notes in procs:
        base = em.prefix + name[len(proc_prefix):].lower()
        found = {k: base + '_' + k for k in ('args', 'ret', 'msg') if base + '_' + k in p.structs}
        bodies[name] = found
        for s in found.values():
            em.deps(s, used)
    L = []
    w = L.append
    w('// Generated by tools/gen-rpc-protocol.py from libvirt\'s %s; do not edit.' % doc)
    w('package %s;' % em.pkg)
    w('')
    w('import java.lang.invoke.MethodHandles;')
    w('import org.jvirt.rpc.Priority;')
    w('import org.jvirt.rpc.Procedure;')
    w('import org.jvirt.rpc.Program;')
    w('import org.jvirt.rpc.StreamDirection;')
    w('import org.jvirt.rpc.xdr.Xdr;')
    w('import org.jvirt.rpc.xdr.XdrType;')
    if em.foreign:
        w('import %s.%s;' % (em.foreign.pkg, em.foreign.cls))
    w('')
    w('/**')
    w(' * libvirt\'s %s program: its constants, one record per structure (each with its XDR type), one' % em.cls.replace('Protocol', '').upper())
    w(' * {@link Procedure} per procedure, and {@link #PROGRAM}. Unsigned XDR integers are carried in Java\'s signed')
    w(' * types with the same bits; optional data ({@code remote_string}, {@code remote_domain} ...) is {@code null}')
    w(' * when absent.')
    w(' */')
    w('@SuppressWarnings("unused")')
    w('public final class %s {' % em.cls)
    w('    private %s() {' % em.cls)
    w('    }')
    w('')
    w('    /** Finds the message records when a procedure first uses them (see {@link Xdr#lazy}). */')
    w('    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();')
    w('')
    for c in p.const_order:
        if c in (program_const, version_const):
            continue
        w('    public static final int %s = %d;' % (c, p.consts[c]))
    w('    public static final int PROGRAM_NUMBER = 0x%x;' % p.consts[program_const])
    w('    public static final int PROGRAM_VERSION = %d;' % p.consts[version_const])
    w('')
    for e, members in p.enums.items():
        if e == procs_enum:
            continue
        for m, v, _ in members:
            w('    public static final int %s = %d;' % (m, p.value(v)))
    w('')
    w('    /** The protocol\'s typedefs and enums as XDR types (kept apart so that records initialise in any order). */')
    w('    public static final class Types {')
    w('        private Types() {')
    w('        }')
    w('')
    plain = [x for x in used if x in p.typedefs and p.typedefs[x].kind != 'pointer']
    refs = [x for x in used if x in p.typedefs and p.typedefs[x].kind == 'pointer'
            and p.typedefs[x].base not in p.structs]
    for t in sorted(plain) + sorted(refs) + sorted(x for x in used if x in p.enums):
        if t in p.typedefs:
            d = p.typedefs[t]
            # a typedef of a typedef (remote_string = remote_nonnull_string *) refers to the earlier constant
            w('        public static final XdrType<%s> %s = %s;' % (em.boxed_java(d), typedef_const(em, t), em.xdr(d)))
        else:
            vals = ', '.join(str(p.value(v)) for _, v, _ in p.enums[t])
            w('        public static final XdrType<Integer> %s = Xdr.enumeration("%s", %s);' % (typedef_const(em, t), t, vals))
    w('    }')
    w('')
    for t in p.order:
        if t not in used:
            continue
        jn = em.type_name(t)
        if t in p.structs:
            fields = p.structs[t]
            comps = ', '.join('%s %s' % (em.java(f), field_name(f.name)) for f in fields)
            w('    /** {@code %s} */' % t)
            w('    public record %s(%s) {' % (jn, comps))
            xs = ''.join(', ' + em.xdr(f) for f in fields)
            w('        public static final XdrType<%s> XDR = Xdr.struct(%s.class%s);' % (jn, jn, xs))
            w('    }')
            w('')
        else:
            disc, arms = p.unions[t]
            w('    /** {@code union %s}: one record per arm. */' % t)
            arm_names = []
            for label, d in arms:
                an = camel(label.lower().replace('vir_typed_param_', '')) + 'Value' if label.startswith('VIR_TYPED_PARAM_') \
                    else camel(label.lower()) + 'Arm'
                arm_names.append((label, an, d))
            w('    public sealed interface %s permits %s {' % (jn, ', '.join(jn + '.' + a for _, a, _ in arm_names)))
            for label, an, d in arm_names:
                comp = '' if d is None else '%s %s' % (em.java(d), field_name(d.name))
                w('        /** {@code case %s} */' % label)
                w('        record %s(%s) implements %s {' % (an, comp, jn))
                w('        }')
                w('')
            arms_x = ''.join(',\n                Xdr.arm(%s, %s.%s.class%s)' % (
                p.value(label), jn, an, '' if d is None else ', ' + em.xdr(d)) for label, an, d in arm_names)
            w('        XdrType<%s> XDR = Xdr.union("%s", %s.class%s);' % (jn, t, jn, arms_x))
            w('    }')
            w('')
    names = []
    for name, num, notes in procs:
        short = name[len(proc_prefix):]
        b = bodies[name]
        event = 'msg' in b
        a = b.get('msg') or b.get('args')
        r = b.get('ret')
        # messages by name, built on first use: loading the protocol loads no message class
        at, ax = (em.type_name(a), 'Xdr.lazy(LOOKUP, "%s")' % em.type_name(a)) if a else ('Void', 'Xdr.VOID')
        rt, rx = (em.type_name(r), 'Xdr.lazy(LOOKUP, "%s")' % em.type_name(r)) if r else ('Void', 'Xdr.VOID')
        prio = 'Priority.HIGH' if notes.get('priority') == 'high' else 'Priority.LOW'
        if 'readstream' in notes:
            stream, arg = 'StreamDirection.READ', notes['readstream']
        elif 'writestream' in notes:
            stream, arg = 'StreamDirection.WRITE', notes['writestream']
        else:
            stream, arg = 'StreamDirection.NONE', '0'
        w('    /** {@code %s} = %d */' % (name, num))
        w('    public static final Procedure<%s, %s> %s = new Procedure<>(PROGRAM_NUMBER, PROGRAM_VERSION, %d, "%s",'
          % (at, rt, short, num, short))
        w('            %s, %s, %s, %s, %s, %s);' % (ax, rx, 'true' if event else 'false', prio, stream, arg))
        names.append(short)
    w('')
    w('    /** Every procedure above, by number. */')
    w('    public static final Program PROGRAM = new Program("%s", PROGRAM_NUMBER, PROGRAM_VERSION, java.util.List.of(' % em.cls.replace('Protocol', '').upper())
    for i, n in enumerate(names):
        w('            %s%s' % (n, ',' if i < len(names) - 1 else '));'))
    w('}')
    path = os.path.join(out_dir, em.pkg.replace('.', '/'), em.cls + '.java')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')
    print('%s: %d procedures (highest %d), %d types' % (path, len(procs), max(n for _, n, _ in procs), len(used)))


def boxed_java(self, d):
    j = self.java(d)
    return {'int': 'Integer', 'long': 'Long', 'boolean': 'Boolean', 'float': 'Float', 'double': 'Double'}.get(j, j)


Emitter.boxed_java = boxed_java


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--remote', required=True, help="libvirt's src/remote/remote_protocol.x")
    ap.add_argument('--qemu', required=True, help="libvirt's src/remote/qemu_protocol.x")
    ap.add_argument('--max-proc', type=int, default=443, help='last REMOTE procedure to keep (443: libvirt 9.0)')
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--out', default=os.path.join(here, '..', 'bundles', 'rpc', 'src', 'main', 'java'))
    a = ap.parse_args()
    remote = Protocol()
    parse(a.remote, remote)
    rem = Emitter(remote, 'remote_', 'org.jvirt.rpc.remote', 'RemoteProtocol')
    emit(rem, 'remote_procedure', 'REMOTE_PROGRAM', 'REMOTE_PROTOCOL_VERSION', 'REMOTE_PROC_', a.max_proc, a.out,
         'src/remote/remote_protocol.x')
    qemu = Protocol()
    qemu.consts.update(remote.consts)
    parse(a.qemu, qemu)
    qem = Emitter(qemu, 'qemu_', 'org.jvirt.rpc.qemu', 'QemuProtocol', foreign=rem)
    emit(qem, 'qemu_procedure', 'QEMU_PROGRAM', 'QEMU_PROTOCOL_VERSION', 'QEMU_PROC_', None, a.out,
         'src/remote/qemu_protocol.x')


if __name__ == '__main__':
    main()
