#!/bin/sh
# Records what libvirt's own parser says about each network (net-*) and pool (pool-*) case: virsh's test driver
# (no daemon) defines it, and the first line of its error (or OK) is written to virsh-9.0.txt, which
# ObjectChecksTest compares with.
cd "$(dirname "$0")" || exit 1
for f in *.xml; do
    case $f in
        net-*) cmd=net-define ;;
        pool-*) cmd=pool-define ;;
        *) continue ;;
    esac
    out=$(virsh -c test:///default $cmd "$f" 2>&1)
    if echo "$out" | grep -q "defined from"; then
        r=OK
    else
        r=$(echo "$out" | grep '^error: ' | grep -v '^error: Failed to' | head -1 | sed 's/^error: //')
    fi
    echo "$f: $r"
done > virsh-9.0.txt
