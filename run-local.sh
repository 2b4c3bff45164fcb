#!/usr/bin/env bash
# Runs the whole of Parley on this machine: a real Kafka broker and a real PostgreSQL (both from
# Maven artifacts, no Docker) and the three services. Ctrl-C stops everything.
#
#   ./run-local.sh                 build what is missing, then start
#   ./run-local.sh --build         rebuild the services first (after changing the code)
#   ./run-local.sh --fresh         wipe the local data (.parley/) first
#   ./run-local.sh --replicas 2    two instances each of moderation and publish
set -euo pipefail
cd "$(dirname "$0")"

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
done

infra_jar=$(ls local-infra/target/local-infra-*.jar 2>/dev/null | head -n 1 || true)
for app in ingest-service moderation-service publish-service; do
  [[ -f "$app/target/quarkus-app/quarkus-run.jar" ]] || build=true
done
[[ -n "$infra_jar" && -f local-infra/target/classes/io/parley/infra/infra.classpath ]] || build=true

if $build; then
  echo "Building Parley (first time: a few minutes while Maven downloads dependencies)..."
  ./mvnw -B -q package -DskipTests
  infra_jar=$(ls local-infra/target/local-infra-*.jar | head -n 1)
fi

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -Xmx128m -cp "$infra_jar:$(cat local-infra/target/classes/io/parley/infra/infra.classpath)" \
  io.parley.infra.RunLocal --root "$PWD" "${args[@]+"${args[@]}"}"
