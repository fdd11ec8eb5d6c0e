#!/bin/sh
# Runs the QEMU driver's benchmark (src/test/java/org/jvirt/driver/qemu/bench/QemuBench.java) against this tree's
# build. Build first, from the project's root:  mvn -q -o package -DskipTests -pl bundles/drivers/qemu -am
# Arguments: [runs] [guests] (default 30 and 20). JAVA_OPTS goes to the JVM, e.g. the start's step timings:
#   JAVA_OPTS=-Dorg.slf4j.simpleLogger.log.org.jvirt.driver.qemu.QemuProcesses=debug
set -eu
cd "$(dirname "$0")"
root=$(cd ../../.. && pwd)
cp_file=target/bench-classpath.txt
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
# jvirt's own modules come from this tree, never from a jar another build left in the local repository
cp=$(tr ':' '\n' < "$cp_file" | grep -v '/org/jvirt/' | tr '\n' ':')
own="$root/bundles/api/target/classes:$root/bundles/util/target/classes:$root/bundles/conf/target/classes"
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$own:$cp" org.jvirt.driver.qemu.bench.QemuBench "$@"
