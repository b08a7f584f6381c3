#!/usr/bin/env bash
# The demo: a 4-server Sintra EE cluster (n = 4, t = 1) on Payara Micro, on loopback.
#
#   bash ear/src/demo/start-demo.sh
#
# It builds Sintra EE when the sources are newer than the build, deals keys once with the
# real dealer (2048-bit service key), starts the four servers one after the other (a Payara
# start is CPU-bound), waits until every one is ready (its links make a quorum), and prints
# the admin URLs. Ctrl-C stops all four. A second run reuses the keys and every server's data.
#
# Environment: SINTRA_DEMO_PORT (first HTTP port, default 8080; servers use 4 in a row),
# SINTRA_DEMO_PEER_PORT (first peer port, default 7001; used only when keys are first dealt),
# SINTRA_DEMO_HEAP (per server, default 512m). State lives under target/demo/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
n=4
http_base=${SINTRA_DEMO_PORT:-8080}
peer_base=${SINTRA_DEMO_PEER_PORT:-7001}
heap=${SINTRA_DEMO_HEAP:-512m}
work="$root/target/demo"
mkdir -p "$work"

rar=resource-adapter/rar/target/sintra-rar.rar
war=ear/target/sintra-ee-micro.war
stale=""
if [ -f "$rar" ] && [ -f "$war" ]; then
  stale=$(find . -path ./target -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/*' \) -type f -newer "$war" -print -quit)
fi
if [ ! -f "$rar" ] || [ ! -f "$war" ] || [ -n "$stale" ]; then
  echo "== building (mvn install, tests skipped: run them with 'mvn -B -ntp verify')"
  mvn -B -ntp -q install -DskipTests
fi

micro_version=$(mvn -B -ntp -q help:evaluate -Dexpression=payara.micro.version -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
if [ ! -f "$work/payara-micro.jar" ]; then
  echo "== fetching Payara Micro $micro_version"
  mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$micro_version" \
      -DoutputDirectory="$work" -Dmdep.stripVersion=true
fi

keys="$work/keys"
if [ ! -f "$keys/public.json" ]; then
  hosts=$(for i in $(seq 1 $n); do printf '127.0.0.1:%d,' $((peer_base + i - 1)); done)
  echo "== dealing keys for n=$n, t=1 into $keys (a 2048-bit service key takes a while)"
  mkdir -p "$keys"
  mvn -B -ntp -q -pl resource-adapter/runtime exec:java \
      -Dexec.args="--servers $n --hosts ${hosts%,} --out $keys"
else
  echo "== reusing the keys in $keys"
fi
cp "$rar" "$war" "$work/"

# one admin login for the four admin pages: a random password, made once, kept owner-only
credentials="$work/admin.credentials"
if [ ! -f "$credentials" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '\n/+=' > "$work/admin-password")
  SINTRA_ADMIN_PASSWORD=$(cat "$work/admin-password") java -cp web-admin/target/classes \
      org.sintraee.admin.security.AdminPasswordCommand --out "$credentials" > /dev/null
fi

pids=()
stop_all() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    echo "== stopping the servers"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM HUP

# $1 = url; true once it answers 200
up() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }

# $1 = server id, $2 = pid, $3 = url, $4 = what; waits up to 10 minutes
await() {
  for _ in $(seq 1 600); do
    if up "$3"; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then
      echo "server $1 exited while waiting until it is $4; the end of its log:" >&2
      tail -30 "$work/server-$1.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "server $1 is not $4 after 10 minutes; see $work/server-$1.log" >&2
  exit 1
}

for i in $(seq 1 $n); do
  port=$((http_base + i - 1))
  # a second run starts from the root directory, which still holds the first run's
  # configuration: drop it first (on the first run that delete is only logged)
  cat > "$work/pre-boot-$i.asadmin" <<CMD
delete-resource-adapter-config sintra-rar
create-resource-adapter-config --property serverId=$i:publicKeyFile=$keys/public.json:privateKeyFile=$keys/server-$i.private.json:dataDirectory=$work/server-$i/data sintra-rar
create-system-properties sintra.admin.credentials=$credentials
CMD
  echo "== starting server $i on Payara Micro (HTTP $port); its log: $work/server-$i.log"
  java "-Xmx$heap" -XX:+UseSerialGC -jar "$work/payara-micro.jar" --nocluster --port "$port" \
      --rootdir "$work/server-$i/payara" --prebootcommandfile "$work/pre-boot-$i.asadmin" \
      --deploy "$work/sintra-rar.rar" --deploy "$work/sintra-ee-micro.war" > "$work/server-$i.log" 2>&1 &
  pids+=($!)
  await "$i" "$!" "http://localhost:$port/health/live" "started"
done

echo "== waiting until every server is ready (links to a quorum up)"
for i in $(seq 1 $n); do
  await "$i" "${pids[$((i - 1))]}" "http://localhost:$((http_base + i - 1))/health/ready" "ready"
done

echo
echo "== Sintra EE: $n servers ready. Admin pages (user admin, password in $work/admin-password):"
for i in $(seq 1 $n); do
  echo "   server $i: http://localhost:$((http_base + i - 1))/sintra/"
done
servers=$(for i in $(seq 1 $n); do printf 'http://localhost:%d,' $((http_base + i - 1)); done)
api_jar=$(ls resource-adapter/api/target/sintra-api-*.jar | grep -v -e sources -e tests | head -1)
echo
echo "== Stamp documents at the replicated notary (asks t + 1 servers, verifies the threshold"
echo "   signature with the JDK against the service key alone):"
echo "   java -cp $api_jar org.sintraee.api.notary.NotaryCommand \\"
echo "        --servers ${servers%,} --faulty 1 \\"
echo "        --service-key $keys/service-key.pem README.md pom.xml"
echo
echo "== Ctrl-C stops all $n servers"
wait -n "${pids[@]}"
echo "a server exited; stopping the others (see $work/server-*.log)" >&2
exit 1
