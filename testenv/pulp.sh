#!/usr/bin/env bash
# A real Pulp 3 (pulpcore + pulp-deb from PyPI, PostgreSQL from Debian) on loopback, for tests and
# the demo.
#
#   testenv/pulp.sh install   install PostgreSQL and the Pulp virtualenv (idempotent)
#   testenv/pulp.sh up        install if needed, start what is not running, wait until ready
#   testenv/pulp.sh down      stop every Pulp process and the database
#   testenv/pulp.sh status    print the state of each process; exit 0 only when Pulp is ready
#   testenv/pulp.sh env       print the connection settings as KEY=VALUE (no secret: a file path)
#
# Everything lives under $STX_TESTENV_HOME/pulp (default ~/.cache/starlingx-build/testenv/pulp):
# venv/, etc/ (settings, keys, admin password), media/, logs/, run/ (pid files).
# Ports: STX_PULP_API_PORT (24817), STX_PULP_CONTENT_PORT (24816), STX_PULP_DB_PORT (54329).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
testenv_home=${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}
pulp_home=$testenv_home/pulp
api_port=${STX_PULP_API_PORT:-24817}
content_port=${STX_PULP_CONTENT_PORT:-24816}
db_port=${STX_PULP_DB_PORT:-54329}
ready_timeout=${STX_PULP_READY_TIMEOUT:-180}
# Two task workers, so parallel builds' publications do not queue behind one another.
workers=${STX_PULP_WORKERS:-2}

venv=$pulp_home/venv
etc=$pulp_home/etc
logs=$pulp_home/logs
run=$pulp_home/run
pg_bin=/usr/lib/postgresql/15/bin
api_url="http://127.0.0.1:$api_port"
content_url="http://127.0.0.1:$content_port"

# PostgreSQL refuses to run as root: then the cluster belongs to the postgres user and lives where
# that user can reach it (root's home is closed to it).
if [ "$(id -u)" = 0 ]; then
  pg_data=${STX_PULP_PGDATA:-/var/lib/starlingx-build/testenv-pulp-postgres}
  as_db_owner() { runuser -u postgres -- "$@"; }
else
  pg_data=${STX_PULP_PGDATA:-$pulp_home/pgdata}
  as_db_owner() { "$@"; }
fi
pg_socket_dir=$pg_data/socket

log() { printf 'pulp: %s\n' "$*" >&2; }
die() { printf 'pulp: error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

requirements_stamp() { cat "$here/pulp/requirements.txt" "$here/pulp/constraints.txt" | sha256sum | cut -c1-16; }

install_system_packages() {
  local missing=()
  [ -x "$pg_bin/postgres" ] || missing+=(postgresql)
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
  command -v curl >/dev/null || missing+=(curl)
  command -v dpkg-deb >/dev/null || missing+=(dpkg)
  command -v gpg >/dev/null || missing+=(gpg)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing from Debian: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # Debian starts its own cluster on install; ours is private, so the system one may stay as it is.
}

install_venv() {
  local stamp
  stamp=$(requirements_stamp)
  if [ -f "$venv/.installed-$stamp" ]; then
    return
  fi
  log "installing pulpcore and pulp-deb into $venv (pinned in testenv/pulp/)"
  local started=$SECONDS
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check \
    -r "$here/pulp/requirements.txt" -c "$here/pulp/constraints.txt"
  touch "$venv/.installed-$stamp"
  log "installed in $((SECONDS - started)) s"
}

write_settings() {
  mkdir -p "$etc" "$logs" "$run" "$pulp_home/media" "$pulp_home/work" "$pulp_home/static"
  chmod 700 "$etc"
  if [ ! -f "$etc/secret-key" ]; then
    "$venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$etc/secret-key"
  fi
  if [ ! -f "$etc/database_fields.symmetric.key" ]; then
    "$venv/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' \
      > "$etc/database_fields.symmetric.key"
  fi
  if [ ! -f "$etc/admin-password" ]; then
    "$venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$etc/admin-password"
  fi
  chmod 600 "$etc"/secret-key "$etc"/database_fields.symmetric.key "$etc"/admin-password
  cat > "$etc/settings.py" <<EOF
# Written by testenv/pulp.sh; edits are overwritten at the next 'up'.
SECRET_KEY = open("$etc/secret-key").read().strip()
DB_ENCRYPTION_KEY = "$etc/database_fields.symmetric.key"
CONTENT_ORIGIN = "$content_url"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "pulp",
        "USER": "pulp",
        "HOST": "$pg_socket_dir",
        "PORT": $db_port,
    }
}
MEDIA_ROOT = "$pulp_home/media"
STATIC_ROOT = "$pulp_home/static"
WORKING_DIRECTORY = "$pulp_home/work"
FILE_UPLOAD_TEMP_DIR = "$pulp_home/work"
# Debian's Release files list MD5Sum and SHA1 too; StarlingX tarballs are often checked by md5.
ALLOWED_CONTENT_CHECKSUMS = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
# No traffic leaves this machine.
ANALYTICS = False
EOF
}

pulp_env() {
  export PULP_SETTINGS=$etc/settings.py
  export DJANGO_SETTINGS_MODULE=pulpcore.app.settings
}

database_running() {
  [ -f "$pg_data/PG_VERSION" ] && as_db_owner "$pg_bin/pg_ctl" status -D "$pg_data" >/dev/null 2>&1
}

start_database() {
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $pg_data"
    mkdir -p "$pg_data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_data" "$(dirname "$pg_data")" 2>/dev/null || true
    chmod 700 "$pg_data"
    as_db_owner "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if database_running; then
    return
  fi
  mkdir -p "$logs"
  as_db_owner mkdir -p "$pg_socket_dir"
  # A crash leaves postmaster.pid behind; pg_ctl removes it itself when no process holds it.
  local pg_log=$pg_data/server.log
  as_db_owner "$pg_bin/pg_ctl" start -w -t 60 -D "$pg_data" -l "$pg_log" \
    -o "-c listen_addresses=127.0.0.1 -p $db_port -k $pg_socket_dir" >/dev/null \
    || { tail -20 "$pg_log" >&2; die "PostgreSQL did not start (log: $pg_log)"; }
  ln -sf "$pg_log" "$logs/postgresql.log"
  local psql=("$pg_bin/psql" -h "$pg_socket_dir" -p "$db_port" -U postgres -qtA)
  if [ "$(as_db_owner "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='pulp'")" != 1 ]; then
    as_db_owner "${psql[@]}" -c "CREATE ROLE pulp LOGIN" >/dev/null
  fi
  if [ "$(as_db_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname='pulp'")" != 1 ]; then
    as_db_owner "${psql[@]}" -c "CREATE DATABASE pulp OWNER pulp" >/dev/null
  fi
}

migrate_if_needed() {
  local stamp
  stamp=$(requirements_stamp)
  if [ -f "$pulp_home/.migrated-$stamp" ]; then
    return
  fi
  log "migrating the database"
  pulp_env
  "$venv/bin/pulpcore-manager" migrate --noinput >"$logs/migrate.log" 2>&1 \
    || { tail -20 "$logs/migrate.log" >&2; die "migration failed (log: $logs/migrate.log)"; }
  # One --password=VALUE argument: a generated password may begin with "-", which argparse would
  # take for an option if the value were a separate argument.
  "$venv/bin/pulpcore-manager" reset-admin-password --password="$(cat "$etc/admin-password")" \
    >>"$logs/migrate.log" 2>&1 || die "could not set the admin password (log: $logs/migrate.log)"
  rm -f "$pulp_home"/.migrated-* "$pulp_home/.signing-service"
  touch "$pulp_home/.migrated-$stamp"
}

# A signing service for apt Release files, with a key of its own, so signed publications are tested
# for real. Its public key is what apt's signed-by= needs.
ensure_signing_service() {
  local stamp=$pulp_home/.signing-service
  [ -f "$stamp" ] && return
  local gnupg=$etc/gnupg fingerprint
  mkdir -p "$gnupg" && chmod 700 "$gnupg"
  if ! gpg --homedir "$gnupg" --list-secret-keys signing@starlingx-build.invalid >/dev/null 2>&1; then
    gpg --homedir "$gnupg" --batch --passphrase '' --quick-generate-key \
      "starlingx-build testenv <signing@starlingx-build.invalid>" rsa3072 sign never 2>/dev/null
  fi
  fingerprint=$(gpg --homedir "$gnupg" --with-colons --list-secret-keys signing@starlingx-build.invalid \
    | awk -F: '$1 == "fpr" { print $10; exit }')
  gpg --homedir "$gnupg" --batch --yes --output "$etc/signing-public.gpg" --export "$fingerprint"
  sed "s|@GNUPG_HOME@|$gnupg|" "$here/pulp/sign-release.sh" > "$etc/sign-release.sh"
  chmod 700 "$etc/sign-release.sh"
  pulp_env
  "$venv/bin/pulpcore-manager" add-signing-service stx-testenv-apt "$etc/sign-release.sh" "$fingerprint" \
    --class deb:AptReleaseSigningService --home "$gnupg" >>"$logs/migrate.log" 2>&1 \
    || { tail -20 "$logs/migrate.log" >&2; die "could not add the signing service (log: $logs/migrate.log)"; }
  touch "$stamp"
}

process_names() {
  echo api content
  seq -f 'worker-%g' 1 "$workers"
}

all_running() {
  local name
  for name in $(process_names); do process_running "$name" || return 1; done
}

process_running() {
  local pidfile=$run/$1.pid
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start_process() {
  local name=$1
  shift
  if process_running "$name"; then
    return
  fi
  pulp_env
  # setsid: the process outlives this script and the shell that ran it.
  setsid "$@" >>"$logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
}

stop_process() {
  local name=$1 pidfile=$run/$1.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    # The process leads its own session: signal the whole group (gunicorn workers included).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Prints why Pulp is not ready, or nothing when the API, a worker and a content app are all up.
readiness_problem() {
  local body
  body=$(curl -fsS --max-time 5 "$api_url/pulp/api/v3/status/" 2>/dev/null) || { echo "API not answering"; return; }
  python3 -c '
import json, sys
s = json.load(sys.stdin)
if not s.get("database_connection", {}).get("connected"): print("database not connected")
elif not s.get("online_workers"): print("no worker online")
elif not s.get("online_content_apps"): print("no content app online")
' <<<"$body"
}

wait_until_ready() {
  local deadline=$((SECONDS + ready_timeout)) problem
  while true; do
    problem=$(readiness_problem)
    [ -z "$problem" ] && return 0
    for name in $(process_names); do
      process_running "$name" || { tail -20 "$logs/$name.log" >&2; die "the $name process exited (log: $logs/$name.log)"; }
    done
    [ $SECONDS -lt $deadline ] || die "not ready after ${ready_timeout} s: $problem (logs: $logs)"
    sleep 1
  done
}

write_connection_file() {
  cat > "$pulp_home/connection.properties" <<EOF
# Written by testenv/pulp.sh up: how tests and the demo reach this Pulp.
url=$api_url
content.url=$content_url
username=admin
password.file=$etc/admin-password
signing.service=stx-testenv-apt
signing.keyring=$etc/signing-public.gpg
EOF
}

cmd_install() {
  install_system_packages
  install_venv
}

cmd_up() {
  local started=$SECONDS
  if [ -z "$(readiness_problem)" ] && all_running; then
    write_connection_file
    log "already running and ready at $api_url"
    return
  fi
  cmd_install
  write_settings
  start_database
  migrate_if_needed
  ensure_signing_service
  start_process api "$venv/bin/pulpcore-api" --bind "127.0.0.1:$api_port" --workers 2 --timeout 300 --access-logfile -
  start_process content "$venv/bin/pulpcore-content" --bind "127.0.0.1:$content_port" --workers 2
  for i in $(seq 1 "$workers"); do
    start_process "worker-$i" "$venv/bin/pulpcore-worker"
  done
  wait_until_ready
  write_connection_file
  log "ready at $api_url (content at $content_url) in $((SECONDS - started)) s; logs in $logs"
}

cmd_down() {
  for pidfile in "$run"/*.pid; do
    [ -e "$pidfile" ] && stop_process "$(basename "$pidfile" .pid)"
  done
  # Processes a crash left without a pid file: match the settings path, which is ours alone.
  pkill -f -- "--bind 127.0.0.1:$api_port" 2>/dev/null || true
  pkill -f -- "--bind 127.0.0.1:$content_port" 2>/dev/null || true
  if database_running; then
    as_db_owner "$pg_bin/pg_ctl" stop -m fast -w -D "$pg_data" >/dev/null
  fi
  log "stopped"
}

cmd_status() {
  local name state problem
  if database_running; then state=running; else state=stopped; fi
  printf '%-10s %s\n' postgresql "$state"
  for name in $(process_names); do
    if process_running "$name"; then state="running (pid $(cat "$run/$name.pid"))"; else state=stopped; fi
    printf '%-10s %s\n' "$name" "$state"
  done
  problem=$(readiness_problem)
  if [ -z "$problem" ]; then
    printf '%-10s %s\n' ready "$api_url"
  else
    printf '%-10s %s\n' "not ready" "$problem"
    return 1
  fi
}

cmd_env() {
  printf 'STX_PULP_URL=%s\nSTX_PULP_CONTENT_URL=%s\nSTX_PULP_USERNAME=admin\nSTX_PULP_PASSWORD_FILE=%s\n' \
    "$api_url" "$content_url" "$etc/admin-password"
}

case "${1:-}" in
  install) cmd_install ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: testenv/pulp.sh install|up|down|status|env" >&2; exit 2 ;;
esac
