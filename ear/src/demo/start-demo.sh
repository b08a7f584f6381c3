#!/usr/bin/env bash
# The demo: builds Sintra EE, deals keys for a 4-server system with the real dealer
# (2048-bit service key), and starts server 1 on Payara Micro with the resource adapter
# and the admin WAR. Ctrl-C stops it. Later issues grow this into the 4-server cluster.
#
#   bash ear/src/demo/start-demo.sh            (port 8080; SINTRA_DEMO_PORT=9090 to change)
#
# Everything comes from Maven Central through Maven; state lives under target/demo/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
port=${SINTRA_DEMO_PORT:-8080}
work="$root/target/demo"
mkdir -p "$work"

echo "== building (mvn install, tests skipped: run them with 'mvn -B -ntp verify')"
mvn -B -ntp -q install -DskipTests

micro_version=$(mvn -B -ntp -q help:evaluate -Dexpression=payara.micro.version -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
if [ ! -f "$work/payara-micro.jar" ]; then
  echo "== fetching Payara Micro $micro_version"
  mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$micro_version" \
      -DoutputDirectory="$work" -Dmdep.stripVersion=true
fi

if [ ! -f "$work/keys/public.json" ]; then
  echo "== dealing keys for n=4, t=1 into $work/keys"
  mkdir -p "$work/keys"
  mvn -B -ntp -q -pl resource-adapter/runtime exec:java -Dexec.args="--servers 4 --out $work/keys"
fi

cp resource-adapter/rar/target/sintra-rar.rar ear/target/sintra-ee-micro.war "$work/"
cat > "$work/pre-boot-1.asadmin" <<CMD
create-resource-adapter-config --property serverId=1:publicKeyFile=$work/keys/public.json:privateKeyFile=$work/keys/server-1.private.json:dataDirectory=$work/server-1/data sintra-rar
CMD

echo "== starting server 1 on Payara Micro (port $port); its log: $work/server-1.log"
java -Xmx512m -XX:+UseSerialGC -jar "$work/payara-micro.jar" --nocluster --port "$port" \
    --rootdir "$work/server-1/payara" --prebootcommandfile "$work/pre-boot-1.asadmin" \
    --deploy "$work/sintra-rar.rar" --deploy "$work/sintra-ee-micro.war" > "$work/server-1.log" 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null; wait $micro 2>/dev/null' EXIT INT TERM

url="http://localhost:$port/sintra"
for _ in $(seq 1 300); do
  if curl -fsS "$url/api/status" > "$work/status.json" 2>/dev/null; then
    echo "== ready: $url/  (status: $(cat "$work/status.json"))"
    echo "== Ctrl-C to stop"
    wait $micro
    exit $?
  fi
  if ! kill -0 $micro 2>/dev/null; then
    echo "Payara Micro exited during start-up; the end of its log:" >&2
    tail -30 "$work/server-1.log" >&2
    exit 1
  fi
  sleep 1
done
echo "not ready after 300 s; see $work/server-1.log" >&2
exit 1
