#!/usr/bin/env python3
"""Writes jvirt's API enums from libvirt's API description (../shared/libvirt-api/libvirt-api.xml).

The numbers travel on the wire, so they are taken from the data, never typed by hand. Run it from the
project's root after changing SPECS; the generated files are committed and carry a header saying so.

  python3 tools/gen-api-enums.py [path/to/libvirt-api.xml]
"""
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API = os.path.join(ROOT, "bundles/api/src/main/java/org/jvirt/api")

# (java package suffix, java name, libvirt enum type, prefix to strip, kind, doc)
#   kind "enum": a value enum (VirEnum); "flag": a bit flag (VirFlag)
SPECS = [
    ("", "ErrorCode", "virErrorNumber", ("VIR_ERR_", "VIR_"), "enum", "libvirt's error numbers (virErrorNumber)."),
    ("", "ErrorDomain", "virErrorDomain", "VIR_FROM_", "enum", "Where an error comes from (virErrorDomain)."),
    ("", "ConnectFlag", "virConnectFlags", "VIR_CONNECT_", "flag", "Flags of virConnectOpenAuth."),
    ("", "CloseReason", "virConnectCloseReason", "VIR_CONNECT_CLOSE_REASON_", "enum",
     "Why a connection was closed (virConnectCloseReason)."),
    ("", "CredentialType", "virConnectCredentialType", "VIR_CRED_", "enum",
     "The kinds of credential an authentication callback may be asked for."),
    ("", "DomainState", "virDomainState", "VIR_DOMAIN_", "enum", "A domain's state (virDomainState)."),
    ("", "NostateReason", "virDomainNostateReason", "VIR_DOMAIN_NOSTATE_", "enum", "Reasons for NOSTATE."),
    ("", "RunningReason", "virDomainRunningReason", "VIR_DOMAIN_RUNNING_", "enum", "Reasons for RUNNING."),
    ("", "BlockedReason", "virDomainBlockedReason", "VIR_DOMAIN_BLOCKED_", "enum", "Reasons for BLOCKED."),
    ("", "PausedReason", "virDomainPausedReason", "VIR_DOMAIN_PAUSED_", "enum", "Reasons for PAUSED."),
    ("", "ShutdownReason", "virDomainShutdownReason", "VIR_DOMAIN_SHUTDOWN_", "enum", "Reasons for SHUTDOWN."),
    ("", "ShutoffReason", "virDomainShutoffReason", "VIR_DOMAIN_SHUTOFF_", "enum", "Reasons for SHUTOFF."),
    ("", "CrashedReason", "virDomainCrashedReason", "VIR_DOMAIN_CRASHED_", "enum", "Reasons for CRASHED."),
    ("", "PMSuspendedReason", "virDomainPMSuspendedReason", "VIR_DOMAIN_PMSUSPENDED_", "enum",
     "Reasons for PMSUSPENDED."),
    ("", "ListDomainsFlag", "virConnectListAllDomainsFlags", "VIR_CONNECT_LIST_DOMAINS_", "flag",
     "Filters of virConnectListAllDomains."),
    ("", "DomainXMLFlag", "virDomainXMLFlags", "VIR_DOMAIN_XML_", "flag", "Flags of virDomainGetXMLDesc."),
    ("", "DomainDefineFlag", "virDomainDefineFlags", "VIR_DOMAIN_DEFINE_", "flag", "Flags of virDomainDefineXMLFlags."),
    ("", "DomainCreateFlag", "virDomainCreateFlags", "VIR_DOMAIN_", "flag",
     "Flags of virDomainCreateWithFlags and virDomainCreateXML."),
    ("", "DomainUndefineFlag", "virDomainUndefineFlagsValues", "VIR_DOMAIN_UNDEFINE_", "flag",
     "Flags of virDomainUndefineFlags."),
    ("", "DomainShutdownFlag", "virDomainShutdownFlagValues", "VIR_DOMAIN_SHUTDOWN_", "flag",
     "Flags of virDomainShutdownFlags: the methods a guest may be asked to shut down with."),
    ("", "DomainRebootFlag", "virDomainRebootFlagValues", "VIR_DOMAIN_REBOOT_", "flag",
     "Flags of virDomainReboot."),
    ("", "DomainDestroyFlag", "virDomainDestroyFlagsValues", "VIR_DOMAIN_DESTROY_", "flag",
     "Flags of virDomainDestroyFlags."),
    ("", "DomainMessageType", "virDomainMessageType", "VIR_DOMAIN_MESSAGE_", "flag",
     "Which messages virDomainGetMessages returns: tainting, deprecations, or (none given) all."),
    ("event", "DomainEventId", "virDomainEventID", "VIR_DOMAIN_EVENT_ID_", "enum",
     "The kinds of domain event one can subscribe to (virDomainEventID)."),
    ("event", "LifecycleEventType", "virDomainEventType", "VIR_DOMAIN_EVENT_", "enum",
     "What a lifecycle event reports (virDomainEventType)."),
    ("event", "DefinedDetail", "virDomainEventDefinedDetailType", "VIR_DOMAIN_EVENT_DEFINED_", "enum",
     "Details of a DEFINED lifecycle event."),
    ("event", "UndefinedDetail", "virDomainEventUndefinedDetailType", "VIR_DOMAIN_EVENT_UNDEFINED_", "enum",
     "Details of an UNDEFINED lifecycle event."),
    ("event", "StartedDetail", "virDomainEventStartedDetailType", "VIR_DOMAIN_EVENT_STARTED_", "enum",
     "Details of a STARTED lifecycle event."),
    ("event", "SuspendedDetail", "virDomainEventSuspendedDetailType", "VIR_DOMAIN_EVENT_SUSPENDED_", "enum",
     "Details of a SUSPENDED lifecycle event."),
    ("event", "ResumedDetail", "virDomainEventResumedDetailType", "VIR_DOMAIN_EVENT_RESUMED_", "enum",
     "Details of a RESUMED lifecycle event."),
    ("event", "StoppedDetail", "virDomainEventStoppedDetailType", "VIR_DOMAIN_EVENT_STOPPED_", "enum",
     "Details of a STOPPED lifecycle event."),
    ("event", "ShutdownDetail", "virDomainEventShutdownDetailType", "VIR_DOMAIN_EVENT_SHUTDOWN_", "enum",
     "Details of a SHUTDOWN lifecycle event."),
    ("event", "PMSuspendedDetail", "virDomainEventPMSuspendedDetailType", "VIR_DOMAIN_EVENT_PMSUSPENDED_", "enum",
     "Details of a PMSUSPENDED lifecycle event."),
    ("event", "CrashedDetail", "virDomainEventCrashedDetailType", "VIR_DOMAIN_EVENT_CRASHED_", "enum",
     "Details of a CRASHED lifecycle event."),
]

# constants that only bound an enum in C
SKIP_SUFFIX = ("_LAST",)
# values that C spells twice; the Java enum keeps the first name
ALIASES = {"VIR_ERR_DOMAIN_LAST", "VIR_DOMAIN_NONE"}


def java_ident(name):
    if name[0].isdigit():
        return "_" + name
    return name


def collect(root, ctype):
    out = []
    for e in root.iter("enum"):
        if e.get("type") != ctype:
            continue
        name = e.get("name")
        if name in ALIASES or name.endswith(SKIP_SUFFIX):
            continue
        out.append((name, int(e.get("value")), (e.get("info") or "").strip()))
    out.sort(key=lambda t: (t[1], t[0]))
    return out


def write(pkg, jname, ctype, prefix, kind, doc, values):
    package = "org.jvirt.api" + ("." + pkg if pkg else "")
    folder = os.path.join(API, pkg) if pkg else API
    os.makedirs(folder, exist_ok=True)
    iface = "org.jvirt.api.VirEnum" if kind == "enum" else "org.jvirt.api.VirFlag"
    seen = set()
    lines = []
    for name, value, info in values:
        short = name
        for p in (prefix if isinstance(prefix, tuple) else (prefix,)):
            if name.startswith(p):
                short = name[len(p):]
                break
        short = java_ident(short)
        if short in seen:
            continue
        seen.add(short)
        c = f"    /** {{@code {name}}} */\n"
        lines.append(f"{c}    {short}({value}, \"{name}\")")
    body = ",\n".join(lines) + ";"
    text = f"""// Generated by tools/gen-api-enums.py from libvirt's API description; do not edit.
package {package};

/** {doc} */
public enum {jname} implements {iface} {{
{body}

    private final int value;
    private final String libvirtName;

    {jname}(int value, String libvirtName) {{
        this.value = value;
        this.libvirtName = libvirtName;
    }}

    @Override
    public int value() {{
        return value;
    }}

    /** The C name, as libvirt spells it. */
    public String libvirtName() {{
        return libvirtName;
    }}
"""
    if kind == "enum":
        text += f"""
    private static final {jname}[] BY_VALUE = org.jvirt.api.VirEnum.index(values());

    /** The constant with this number, or {{@code null}} for a number this version does not know. */
    public static {jname} fromValue(int value) {{
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;
    }}
"""
    else:
        text += f"""
    /** The set of flags in a libvirt bit mask; bits this version does not know are ignored. */
    public static java.util.Set<{jname}> fromBits(int bits) {{
        return org.jvirt.api.VirFlag.fromBits({jname}.class, bits);
    }}
"""
    text += "}\n"
    with open(os.path.join(folder, jname + ".java"), "w") as f:
        f.write(text)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "../shared/libvirt-api/libvirt-api.xml")
    root = ET.parse(src).getroot()
    for pkg, jname, ctype, prefix, kind, doc in SPECS:
        values = collect(root, ctype)
        if not values:
            raise SystemExit(f"no values for {ctype}")
        write(pkg, jname, ctype, prefix, kind, doc, values)


if __name__ == "__main__":
    main()
