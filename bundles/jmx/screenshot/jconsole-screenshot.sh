#!/bin/sh
# Takes docs/images/jconsole-jvirt.png: JConsole, on a virtual X display (Xvfb), connected through remote JMX (user
# name and password) to a running `bin/jvirt --daemon`, showing jvirt's MBeans. Needs a built distribution
# (mvn -B verify), Xvfb, xdotool and ImageMagick's import (Debian: apt-get install xvfb xdotool imagemagick), and
# the JDK's jconsole. Everything it starts runs in a temporary JVIRT_HOME and stops when it ends.
#
#   bundles/jmx/screenshot/jconsole-screenshot.sh [OUTPUT.png]
#
# JConsole is driven by key presses and clicks at fixed places of its window, which it gets at 1280x860 at the
# display's corner; a JDK whose JConsole lays out differently may need the places below adjusted.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
dist=$root/distribution/target/jvirt
out=${1:-$root/docs/images/jconsole-jvirt.png}
display=${JVIRT_SHOT_DISPLAY:-:97}
registry_port=${JVIRT_SHOT_REGISTRY_PORT:-19099}
server_port=${JVIRT_SHOT_SERVER_PORT:-19098}
[ -x "$dist/bin/jvirt" ] || { echo "no distribution in $dist: run mvn -B verify first" >&2; exit 1; }
for tool in Xvfb xdotool import jconsole; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done

# a fixed folder, since its name shows in the picture (the second host's URI)
home=/tmp/jvirt-screenshot
mkdir "$home" || { echo "$home exists: remove it, or let the running screenshot finish" >&2; exit 1; }
daemon= xvfb= console=
cleanup() {
  for pid in $console $daemon $xvfb; do kill "$pid" 2>/dev/null || true; done
  for pid in $console $daemon $xvfb; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$home"
}
trap cleanup EXIT INT TERM

# a home of its own: the distribution's etc/, remote JMX on, one user, and a second host (a test node file)
cp -r "$dist/etc" "$home/etc"
printf 'operator screenshot-only\n' > "$home/etc/jmx.password"
chmod 600 "$home/etc/jmx.password"
printf 'operator readwrite\n' > "$home/etc/jmx.access"
printf 'enabled = true\nregistry.port = %s\nserver.port = %s\n' "$registry_port" "$server_port" \
  > "$home/etc/org.jvirt.jmx.remote.cfg"
cat > "$home/lab.xml" <<XML
<node>
  <domain type='test'><name>web</name><memory>1048576</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>
  <domain type='test'><name>db</name><memory>4194304</memory><vcpu>4</vcpu><os><type>hvm</type></os></domain>
  <domain type='test'><name>build</name><memory>2097152</memory><vcpu>8</vcpu><os><type>hvm</type></os></domain>
</node>
XML
printf 'uris = test:///default, test://%s/lab.xml\n' "$home" > "$home/etc/org.jvirt.jmx.cfg"

JVIRT_HOME=$home "$dist/bin/jvirt" --daemon > "$home/daemon.out" 2>&1 &
daemon=$!
waited=0
until grep -qs "remote JMX listening" "$home"/data/log/jvirt*.log; do
  sleep 0.5; waited=$((waited + 1))
  [ $waited -lt 60 ] || { echo "the daemon's remote JMX did not start; see $home/data/log" >&2; exit 1; }
done

Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp > "$home/xvfb.out" 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 2
jconsole -J-Djava.util.prefs.userRoot="$home/prefs" > "$home/jconsole.out" 2>&1 &
console=$!
waited=0
until window=$(xdotool search --name "Java Monitoring & Management Console" 2>/dev/null | head -1) \
    && [ -n "$window" ]; do
  sleep 0.5; waited=$((waited + 1))
  [ $waited -lt 60 ] || { echo "JConsole's window did not come" >&2; exit 1; }
done
sleep 3
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 860
sleep 2

key() { xdotool key "$@"; sleep 0.4; }
# JVIRT_SHOT_STEPS=DIR keeps a picture of each step, to adjust the places below
snap() { [ -z "${JVIRT_SHOT_STEPS:-}" ] || import -window root "$JVIRT_SHOT_STEPS/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.5}"; }

snap 1-dialog
# the New Connection dialog, by keys (its height depends on the local JVMs it lists): remote process, user name,
# password; then "Insecure connection" (no TLS here)
key alt+r
key alt+u
key shift+Tab
xdotool type --delay 20 "localhost:$registry_port"
key alt+u
xdotool type --delay 20 operator
key alt+p
xdotool type --delay 20 screenshot-only
snap 2-filled
key Return
sleep 5
snap 3-insecure
click 553 217 6
# the MBeans tab, a wider tree, org.jvirt opened
snap 4-connected
click 472 58 3
xdotool mousemove 170 400 mousedown 1 mousemove 300 400 mousemove 430 400 mouseup 1
sleep 0.5
click 70 189
key Right
snap 5-tree
# Connection: both hosts; Domain: both hosts' domains; Driver
key Down; key Right; key Down; key Down; key Down
key Right; key Down; key Right; key Down; key Down; key Right
snap 6-domains
# Driver opened; then the domain db's attributes
key Down; key Down; key Down; key Down; key Right
key Up; key Up; key Right; key Down
sleep 3
snap 7-attributes
import -window root "$out"
echo "wrote $out"
