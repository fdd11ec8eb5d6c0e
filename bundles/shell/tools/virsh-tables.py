#!/usr/bin/env python3
"""Writes virsh's command tables (groups, commands, options) as virsh 9.0 itself describes them.

Reads `virsh help` and `virsh help CMD` for every command, and finds which options take bare words, in which
order, from virsh's own debug trace of a parse (`virsh -d0`), which prints each option a word was given to.
Output: one line per group, command and option, tab-separated, \\n and \\t escaped. Run it where virsh is
installed; it needs no hypervisor (test:///default).
"""
import re
import subprocess
import sys

VIRSH = ["virsh", "-c", "test:///default"]


def run(*args):
    p = subprocess.run(VIRSH + list(args), capture_output=True, text=True, stdin=subprocess.DEVNULL,
                       env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    return p.stdout, p.stderr


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def groups():
    out, _ = run("help")
    result = []
    for line in out.split("\n"):
        m = re.match(r"^ (.+) \(help keyword '(.+)'\):$", line)
        if m:
            result.append((m.group(1), m.group(2), []))
            continue
        m = re.match(r"^    (\S+) +(.*)$", line)
        if m:
            result[-1][2].append(m.group(1))
    return result


OPT = re.compile(r"^    (\[--(\S+)\] <(string|number)>|--(\S+) <(string|number)>|--(\S+)|<(\S+)>)(?: +(.*))?$")


def command(name):
    text, _ = run("help", name)
    head = re.match(r"  NAME\n    (\S+) - (.*)\n\n  SYNOPSIS\n    (.*)\n", text)
    assert head and head.group(1) == name, name
    help_line, synopsis = head.group(2), head.group(3)
    rest = text[head.end():]
    desc = ""
    m = re.match(r"\n  DESCRIPTION\n    (.*?)\n(?=\n  OPTIONS\n|\n$)", rest, re.S)
    if m:
        desc = m.group(1)
        rest = rest[m.end():]
    options = []
    if rest.startswith("\n  OPTIONS\n"):
        for line in rest[len("\n  OPTIONS\n"):].split("\n"):
            if not line:
                continue
            m = OPT.match(line)
            if not m:
                # a help text with a newline in it goes on, unindented, on the next line
                options[-1][2] += "\n" + line
                continue
            if m.group(2):
                options.append([m.group(2), "req-" + m.group(3), m.group(8) or ""])
            elif m.group(4):
                options.append([m.group(4), m.group(5), m.group(8) or ""])
            elif m.group(6):
                options.append([m.group(6), "bool", m.group(8) or ""])
            else:
                options.append([m.group(7), "argv", m.group(8) or ""])
    # the synopsis tells required data, optional data and argv apart
    syn = {}
    for tok in re.findall(r"\{\[--(\S+)\] <string>\}\.\.\.|\[\[--(\S+)\] <string>\]\.\.\.|\[<(\S+)>\]\.\.\.|<(\S+)>\.\.\."
                          r"|\[<(\S+)>\]|<(\S+)>", synopsis):
        if tok[0]: syn[tok[0]] = "argv-req"
        elif tok[1]: syn[tok[1]] = "argv"
        elif tok[2]: syn[tok[2]] = "argv"
        elif tok[3]: syn[tok[3]] = "argv-req"
        elif tok[4]: syn[tok[4]] = "data"
        elif tok[5]: syn.setdefault(tok[5], "req")
    return help_line, desc, options, syn


def positional(name, options):
    """The options bare words fill, in order, from virsh's parse trace."""
    words = ["W%d" % i for i in range(len(options) + 2)]
    out, err = run("-d0", " ".join([name] + words + ["--zz-no-such-option"]))
    order = []
    for line in out.split("\n"):
        m = re.match(r"^" + re.escape(name) + r": (\S+)\(optdata\): (W\d+)$", line)
        if m and m.group(1) not in order:
            order.append(m.group(1))
    return order


HIDDEN = ["complete"]  # in virsh's last group, left out of its help


def main():
    all_groups = groups()
    for n, (gname, keyword, cmds) in enumerate(all_groups):
        print("G\t%s\t%s" % (esc(gname), esc(keyword)))
        last = n == len(all_groups) - 1
        for c in cmds + (HIDDEN if last else []):
            help_line, desc, options, syn = command(c)
            pos = positional(c, options) if c != "help" else ["command"]
            print("%s\t%s\t%s\t%s" % ("H" if c in HIDDEN else "C", c, esc(help_line), esc(desc)))
            for oname, kind, ohelp in options:
                s = syn.get(oname)
                if kind == "argv" or s in ("argv", "argv-req"):
                    t, req = "argv", s == "argv-req"
                elif kind == "bool":
                    t, req = "bool", False
                elif kind == "req-number":
                    t, req = "int", True
                elif kind == "number":
                    t, req = "int", s == "req"
                elif kind == "req-string":
                    t, req = "data", s != "data"
                else:
                    t, req = "string", s == "req"
                flags = []
                if req:
                    flags.append("required")
                if oname in pos:
                    flags.append("positional")
                print("O\t%s\t%s\t%s\t%s" % (oname, t, ",".join(flags), esc(ohelp)))


if __name__ == "__main__":
    sys.exit(main())
