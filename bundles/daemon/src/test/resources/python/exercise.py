#!/usr/bin/python3
"""Exercises a libvirt connection through libvirt-python and prints a transcript that another server's must match.

    /usr/bin/python3 exercise.py URI SECTION

SECTION is one of: domains (lookups, lifecycle, XML, info), events (callbacks with ids, a domain filter, the
legacy registration, deregistration), errors (code, domain and message of failures), storage (networks, pools,
volumes with a stream upload and download). Every line is deterministic for a given server state; what the
transcript does not show cannot differ.
"""
import sys, threading, time
import libvirt

URI, SECTION = sys.argv[1], sys.argv[2]
VM = """<domain type='test'>
  <name>py1</name>
  <uuid>22222222-3333-4444-5555-666666666666</uuid>
  <memory unit='KiB'>131072</memory>
  <currentMemory unit='KiB'>131072</currentMemory>
  <vcpu>2</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>"""

def out(*parts):
    print(" ".join(str(p) for p in parts), flush=True)

def err(label, f):
    try:
        r = f()
        out(label, "ok", r)
    except libvirt.libvirtError as e:
        out(label, "error", e.get_error_code(), e.get_error_domain(), e.get_error_message())

def silence(*_):
    pass

libvirt.registerErrorHandler(silence, None)

def domains(c):
    out("type", c.getType(), "lib", c.getLibVersion(), "version", c.getVersion())
    out("node", c.getInfo())
    out("max vcpus", c.getMaxVcpus(None))
    out("domains", sorted(d.name() for d in c.listAllDomains()))
    out("active ids", c.listDomainsID(), "defined", c.listDefinedDomains(), c.numOfDomains(), c.numOfDefinedDomains())
    t = c.lookupByName("test")
    out("test", t.name(), t.UUIDString(), t.ID(), t.OSType(), t.isActive(), t.isPersistent(), t.autostart())
    i = t.info()
    out("info", i[0], i[1], i[2], i[3])
    out("state", t.state())
    out("by id", c.lookupByID(t.ID()).name(), "by uuid", c.lookupByUUIDString(t.UUIDString()).name())
    out("maxmem", t.maxMemory(), "xml lines", len(t.XMLDesc(0).splitlines()))
    d = c.defineXML(VM)
    out("defined", d.name(), d.ID(), d.isActive(), d.isPersistent(), d.info()[:4])
    out("list", sorted((x.name(), x.ID()) for x in c.listAllDomains()))
    out("inactive", sorted(x.name() for x in c.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE)))
    d.create()
    out("started", d.ID() > 0, d.isActive(), d.state())
    d.suspend()
    out("suspended", d.state())
    d.resume()
    out("resumed", d.state())
    d.destroy()
    out("destroyed", d.state(), d.ID())
    d.undefine()
    out("after undefine", sorted(x.name() for x in c.listAllDomains()))
    out("xml", t.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))

def events(c):
    got = []
    lock = threading.Condition()
    def lifecycle(conn, dom, event, detail, opaque):
        with lock:
            got.append((opaque, dom.name(), event, detail))
            lock.notify_all()
    def wait(n):
        end = time.time() + 10
        with lock:
            while len(got) < n and time.time() < end:
                lock.wait(0.1)
        # a short settle: an unexpected extra event would show
        time.sleep(0.2)
        with lock:
            items = sorted(got)
            got.clear()
        return items
    all_id = c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "all")
    t = c.lookupByName("test")
    test_id = c.domainEventRegisterAny(t, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "test-only")
    out("ids distinct", all_id != test_id, all_id >= 0, test_id >= 0)
    t.suspend()
    out("suspend", wait(2))
    t.resume()
    out("resume", wait(2))
    d = c.defineXML(VM)
    out("define", wait(1))
    d.create()
    out("start", wait(1))
    d.destroy()
    out("destroy", wait(1))
    d.undefine()
    out("undefine", wait(1))
    c.domainEventDeregisterAny(test_id)
    t.suspend()
    out("after deregister", wait(1))
    t.resume()
    out("resume", wait(1))
    err("deregister twice", lambda: c.domainEventDeregisterAny(test_id))
    c.domainEventDeregisterAny(all_id)
    legacy = []
    def old(conn, dom, event, detail, opaque):
        legacy.append((dom.name(), event, detail))
    c.domainEventRegister(old, None)
    t.suspend()
    t.resume()
    end = time.time() + 10
    while len(legacy) < 2 and time.time() < end:
        time.sleep(0.05)
    time.sleep(0.2)
    out("legacy", legacy)
    c.domainEventDeregister(old)
    reboot = []
    rid = c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, lambda *a: reboot.append(a[1].name()), None)
    t.reboot(0)
    end = time.time() + 10
    while not reboot and time.time() < end:
        time.sleep(0.05)
    out("reboot", reboot)
    c.domainEventDeregisterAny(rid)

def errors(c):
    err("lookup name", lambda: c.lookupByName("nosuch"))
    err("lookup uuid", lambda: c.lookupByUUIDString("00000000-0000-0000-0000-00000000abcd"))
    err("lookup id", lambda: c.lookupByID(4242))
    t = c.lookupByName("test")
    err("start running", lambda: t.create())
    err("no name", lambda: c.defineXML("<domain type='test'/>"))
    d = c.defineXML(VM)
    d.undefine()
    err("stale handle info", lambda: d.info())
    err("stale handle start", lambda: d.create())
    err("bad flags", lambda: t.XMLDesc(1 << 20))
    err("suspend paused", lambda: (t.suspend(), t.suspend()))
    t.resume()
    err("undefine twice", lambda: (d.undefine()))

def storage(c):
    out("networks", sorted(n.name() for n in c.listAllNetworks()))
    n = c.networkLookupByName("default")
    out("network", n.name(), n.isActive(), n.isPersistent(), n.bridgeName())
    out("pools", sorted(p.name() for p in c.listAllStoragePools()))
    p = c.storagePoolLookupByName("default-pool")
    out("pool", p.name(), p.info()[0], p.isActive())
    vol = p.createXML("<volume><name>py.img</name><capacity unit='bytes'>1048576</capacity></volume>", 0)
    out("volume", vol.name(), vol.info())
    data = bytes(range(256)) * 4096
    st = c.newStream(0)
    vol.upload(st, 0, len(data), 0)
    st.sendAll(lambda s, n, opaque: data, None) if False else None
    off = [0]
    def source(stream, nbytes, opaque):
        chunk = data[off[0]:off[0] + nbytes]
        off[0] += len(chunk)
        return chunk
    st.sendAll(source, None)
    st.finish()
    got = bytearray()
    st2 = c.newStream(0)
    vol.download(st2, 0, len(data), 0)
    def sink(stream, buf, opaque):
        got.extend(buf)
        return len(buf)
    st2.recvAll(sink, None)
    st2.finish()
    out("round trip", len(got), bytes(got) == data)
    vol.delete(0)
    out("volumes after delete", sorted(v.name() for v in p.listAllVolumes()))

if SECTION == "events":
    libvirt.virEventRegisterDefaultImpl()
    def loop():
        while True:
            libvirt.virEventRunDefaultImpl()
    threading.Thread(target=loop, daemon=True).start()
conn = libvirt.open(URI)
{"domains": domains, "events": events, "errors": errors, "storage": storage}[SECTION](conn)
conn.close()
out("end")
