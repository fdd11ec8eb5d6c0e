#!/bin/sh
# Records how libvirt's own parser and formatter keep each definition: virsh's test driver (no daemon) defines
# it and dumps it inactive into NAME.virsh-9.0; GenericDefaultsTest compares conf's parse and format with it.
cd "$(dirname "$0")" || exit 1
for f in *.xml; do
    name=$(sed -n 's|.*<name>\([^<]*\)</name>.*|\1|p' "$f" | head -1)
    virsh -q -c test:///default "define $f; dumpxml --inactive $name" > "${f%.xml}.virsh-9.0" 2>&1
done
