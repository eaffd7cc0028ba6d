#!/usr/bin/env bash
# The AfterSales demo: the cloud (embedded MQTT broker, SQLite) and five simulated site
# gateways at different distances from the Chengdu service centre. Their scripted faults open
# tickets you can watch in the browser. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

PORT_WEB=${AFTERSALES_DEMO_WEB_PORT:-5080}
PORT_MQTT=${AFTERSALES_DEMO_MQTT_PORT:-18830}
KEY=as_demo_dispatcher_key_0000000000
DATA=demo-data

echo "Building (first run restores packages; this takes a minute)..."
dotnet build src/Cloud -c Release -v quiet -nologo >/dev/null
dotnet build src/Gateway/Simulation -c Release -v quiet -nologo >/dev/null

rm -rf "$DATA" && mkdir -p "$DATA"
pids=()
cleanup() {
  echo; echo "Stopping the demo..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Replaying last month's service history and writing its reports..."
dotnet src/Cloud/bin/Release/net10.0/AfterSales.Cloud.dll demo-history \
  --config demo/cloud.demo.json \
  --Database:ConnectionString="Data Source=$PWD/$DATA/cloud.db" >"$DATA/history.log" 2>&1 \
  || { echo "The demo history failed; see $DATA/history.log"; tail -n 30 "$DATA/history.log"; exit 1; }

dotnet src/Cloud/bin/Release/net10.0/AfterSales.Cloud.dll \
  --config demo/cloud.demo.json \
  --urls "http://127.0.0.1:$PORT_WEB" \
  --Database:ConnectionString="Data Source=$PWD/$DATA/cloud.db" \
  --Broker:Port="$PORT_MQTT" \
  --SiteConfig:SigningKeyFile="$PWD/$DATA/keys/config-signing-key.pem" \
  --Seed:DutyShifts:0:TechnicianId=li --Seed:DutyShifts:0:Kind=on-call \
  --Seed:DutyShifts:0:Start="$(date -u +%Y-%m-%dT%H:00:00Z)" --Seed:DutyShifts:0:End="$(date -u -d '+24 hours' +%Y-%m-%dT%H:00:00Z)" \
  --Seed:DutyShifts:1:TechnicianId=chen --Seed:DutyShifts:1:Kind=on-call \
  --Seed:DutyShifts:1:Start="$(date -u +%Y-%m-%dT%H:00:00Z)" --Seed:DutyShifts:1:End="$(date -u -d '+24 hours' +%Y-%m-%dT%H:00:00Z)" \
  >"$DATA/cloud.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT_WEB/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT_WEB/healthz" >/dev/null || { echo "The cloud did not start; see $DATA/cloud.log"; tail -n 30 "$DATA/cloud.log"; exit 1; }

# The gateways trust only site configs signed by this cloud: give them its public key, as an installer does.
curl -fs "http://127.0.0.1:$PORT_WEB/api/v1/config-signing-key" >"$DATA/cloud-config-key.pem"

# gateway SITE PIN FAULT DEVICE KIND CONTACT FIRST_FAULT_S CLEAR_S
gateway() {
  local site=$1 pin=$2 fault=$3 device=$4 kind=$5 contact=$6 at=$7 clear=$8
  local id="gw-${site#site-}" dir="$DATA/$site"
  mkdir -p "$dir"
  cat >"$dir/gateway.json" <<JSON
{
  "siteId": "$site", "gatewayId": "$id", "stateDirectory": "$dir", "cloudConfigKey": "$PWD/$DATA/cloud-config-key.pem",
  "broker": { "host": "127.0.0.1", "port": $PORT_MQTT, "username": "$id", "password": "demo-secret-${site#site-}" },
  "heartbeatIntervalSeconds": 10,
  "inputs": [ { "pin": $pin, "name": "$device $fault contact", "deviceId": "$device", "deviceKind": "$kind", "fault": "$fault", "contact": "$contact", "debounceMilliseconds": 200 } ],
  "simulation": { "steps": [ { "atSeconds": $at, "pin": $pin, "state": "fault" }, { "atSeconds": $clear, "pin": $pin, "state": "normal" } ], "repeatEverySeconds": 0 }
}
JSON
  dotnet src/Gateway/Simulation/bin/Release/net10.0/AfterSales.Gateway.Simulation.dll --config "$dir/gateway.json" --simulate \
    </dev/null >"$dir/gateway.log" 2>&1 &
  pids+=($!)
}

gateway site-jinjiang   17 panel.ac_loss        panel  panel    normallyClosed  5  90
gateway site-wuhou      22 power.mains_loss     psu-1  power    normallyOpen   10 600
gateway site-shuangliu  23 recorder.disk_fault  nvr-1  recorder normallyOpen   15 600
gateway site-deyang     27 panel.tamper         panel  panel    normallyClosed 20 600
gateway site-mianyang   17 panel.ac_loss        panel  panel    normallyClosed 25 600

cat <<TXT

AfterSales demo is running.
  Dispatcher console (signs you in):  http://127.0.0.1:$PORT_WEB/signin?key=$KEY
  Or sign in at http://127.0.0.1:$PORT_WEB/signin as
    dispatch / demo-dispatch      (console: board, detail, reassign)
    li / demo-li-2026             (technician on 24 h call: open it on a phone-sized window)
    jinli / demo-customer         (customer: only the Jinli jewellery store's tickets)
  Last month's reports:    http://127.0.0.1:$PORT_WEB/reports   ·  KPIs: http://127.0.0.1:$PORT_WEB/kpis
  Inspections (technician): sign in as li, then http://127.0.0.1:$PORT_WEB/inspections
  API:                     curl -H "Authorization: Bearer $KEY" http://127.0.0.1:$PORT_WEB/api/v1/tickets
  Gateways connect to the embedded broker on 127.0.0.1:$PORT_MQTT; logs are in $DATA/.
Five sites raise a fault 5-25 s from now (ring 1, ring 2, ring 3, a neighbouring city, and one
beyond every band that uses its contract's 12 h); Jinjiang's AC returns at 90 s.
Press Ctrl+C to stop.

TXT
tail -n +1 -f "$DATA/cloud.log" | grep --line-buffered -E "Ticket book|offline|Rejected|Refused|back online|Notify|escalated"
