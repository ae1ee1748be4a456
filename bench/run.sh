#!/usr/bin/env bash
# Runs a benchmark harness: bench/run.sh language|emulator|engine|startup|provider|reach|reliability|pg [sizes...]
# bench/run.sh engine growth [sizes] [--reps=N] [--no-terraform]: every command from 1,000 to 50,000 resources
# Builds the test classes, then runs the benchmark's main class on the test classpath, printing a table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
which="${1:-language}"; shift || true
case "$which" in
  language) module=engine; class=dev.peerform.bench.LanguageBenchmark ;;
  emulator) module=providers/alicloud-emulator; class=dev.peerform.emulator.bench.EmulatorBenchmark ;;
  engine) module=engine; class=dev.peerform.bench.EngineBenchmark; "$root/peerform" version >/dev/null ;;
  # startup [N...] [--reps R]: version, validate and plan through the launcher on Java 17 and 25, beside Terraform
  startup) module=engine; class=dev.peerform.bench.StartupBenchmark; "$root/peerform" version >/dev/null ;;
  provider) module=plans; class=dev.peerform.bench.ProviderBenchmark; "$root/peerform" version >/dev/null ;;
  reach) module=providers/alicloud; class=dev.peerform.alicloud.reach.ReachBenchmark ;;
  # reliability [small|full] [figures...] [--seed N] [--case I]: exits 1 when a case fails
  reliability) module=plans; class=dev.peerform.reliability.ReliabilityHarness; "$root/peerform" version >/dev/null ;;
  pg) module=engine; class=dev.peerform.bench.PgBenchmark; "$root/peerform" version >/dev/null ;;
  *) echo "unknown benchmark '$which' (known: language, emulator, engine, startup, provider, reach, reliability, pg)" >&2; exit 2 ;;
esac
cd "$root"
# -am resolves the sibling modules from the reactor; the engine, built last, writes the classpath file last
mvn -B -q -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$module/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" "$class" "$@"
