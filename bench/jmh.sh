#!/bin/sh
# Runs the JMH benchmarks of bench/ against this tree's build (after `mvn -q -o package -DskipTests` from the
# project's root). Arguments go to JMH: a benchmark name pattern, -wi/-i/-f, -rf json -rff FILE ...
set -eu
cd "$(dirname "$0")"
root=$(cd .. && pwd)
cp_file=target/classpath.txt
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
# jvirt's own modules come from this tree, never from a jar some other build left in the local repository
cp=$(tr ':' '\n' < "$cp_file" | grep -v '/org/jvirt/' | tr '\n' ':')
own="$root/bundles/api/target/classes:$root/bundles/util/target/classes:$root/bundles/conf/target/classes"
own="$own:$root/bundles/core/target/classes:$root/bundles/drivers/test/target/classes"
exec java -cp "target/classes:$own:$cp" org.openjdk.jmh.Main "$@"
