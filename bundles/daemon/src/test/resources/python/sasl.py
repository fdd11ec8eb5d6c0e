#!/usr/bin/python3
"""Opens URI as USER with PASSWORD (libvirt-python answering the SASL credentials) and prints what it finds:
    /usr/bin/python3 sasl.py URI USER PASSWORD
"""
import libvirt, sys
uri = sys.argv[1]
def cb(creds, opaque):
    for c in creds:
        if c[0] == libvirt.VIR_CRED_AUTHNAME: c[4] = sys.argv[2]
        elif c[0] == libvirt.VIR_CRED_PASSPHRASE: c[4] = sys.argv[3]
        else: c[4] = ""
    return 0
auth = [[libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE], cb, None]
try:
    c = libvirt.openAuth(uri, auth, 0)
    print("OK", [d.name() for d in c.listAllDomains()], c.lookupByName("test").info()[:2])
    c.close()
except libvirt.libvirtError as e:
    print("ERR", e.get_error_code(), e.get_error_domain(), e)
