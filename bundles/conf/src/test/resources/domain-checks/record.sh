#!/bin/sh
# Records what libvirt's own parser says about each case: virsh's test driver (no daemon) defines it, and the
# first line of its error (or OK) is written to virsh-9.0.txt, the expectations DomainChecksTest compares with.
cd "$(dirname "$0")" || exit 1
for f in *.xml; do
    out=$(virsh -c test:///default define "$f" 2>&1)
    if echo "$out" | grep -q "^Domain .* defined"; then
        r=OK
    else
        r=$(echo "$out" | grep '^error: ' | grep -v '^error: Failed to define' | head -1 | sed 's/^error: //')
    fi
    echo "$f: $r"
done > virsh-9.0.txt
