# shellcheck shell=bash
# Shared helpers of the developer scripts: where Odoo, the virtualenv and the
# private PostgreSQL cluster live. Sourced, never run.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_PATH="${ODOO_PATH:-/opt/odoo18}"
MUS_CACHE="${MUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mus_odoo}"
PG_PORT="${MUS_PG_PORT:-54329}"
DB_USER="mus_odoo"
HTTP_PORT="${MUS_HTTP_PORT:-8069}"
# What belongs to this checkout (addons link, filestore, logs): several clones
# may share the virtualenv but nothing else.
STATE_DIR="$MUS_CACHE/checkouts/$(echo "$REPO" | md5sum | cut -c1-10)"
mkdir -p "$STATE_DIR"

die() { echo "ERROR: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

require_odoo() {
    if [ ! -x "$ODOO_PATH/odoo-bin" ] || [ ! -d "$ODOO_PATH/addons/hr" ]; then
        die "Odoo 18.0 Community was not found at ODOO_PATH=$ODOO_PATH.
       Put an unmodified Odoo 18.0 source tree there (odoo-bin, odoo/, addons/),
       or point ODOO_PATH at one: ODOO_PATH=/path/to/odoo18 $0"
    fi
    grep -q "version_info = (18, 0" "$ODOO_PATH/odoo/release.py" \
        || die "$ODOO_PATH is not Odoo 18.0 (see $ODOO_PATH/odoo/release.py)"
}

# Odoo wants an addons folder holding a directory named after the module; the
# clone may be called anything, so link it under its module name.
addons_dir() {
    local dir="$STATE_DIR/addons"
    mkdir -p "$dir"
    ln -sfn "$REPO" "$dir/mus_odoo"
    echo "$dir"
}

venv_python() { echo "$MUS_CACHE/venv/bin/python"; }

# --- private PostgreSQL cluster ------------------------------------------------
# The cluster lives in the project (.pgdata); when the project folder cannot be
# reached by the postgres user (running as root in /root, say), in the cache.
pg_dir() {
    local dir="$REPO/.pgdata"
    if [ "$(id -u)" = 0 ]; then
        mkdir -p "$dir"
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            dir="/tmp/mus_odoo-pg-$(echo "$REPO" | md5sum | cut -c1-8)"
            mkdir -p "$dir" && chown postgres: "$dir"
        fi
    fi
    echo "$dir"
}

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    local bin
    for bin in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [ -x "$bin/initdb" ] && { echo "$bin"; return; }
    done
    die "PostgreSQL server binaries (initdb) not found: apt-get install postgresql-15"
}

start_pg() {
    local dir bin
    dir="$(pg_dir)"; bin="$(pg_bin)"
    PG_SOCKET="$dir/socket"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $dir"
        as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
        as_pg mkdir -p "$PG_SOCKET"
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        PG_STARTED_HERE=1
        say "Starting PostgreSQL (socket $PG_SOCKET, port $PG_PORT)"
        as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
            -o "-k $PG_SOCKET -p $PG_PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
            || { cat "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
    fi
    if ! as_pg psql -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -tAc \
            "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1; then
        as_pg psql -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -qc \
            "CREATE ROLE $DB_USER LOGIN SUPERUSER" >/dev/null
    fi
    export PG_SOCKET
}

# Stop the cluster if this script started it (a test run leaves nothing behind).
stop_pg_if_started() {
    if [ "${PG_STARTED_HERE:-}" = 1 ]; then
        say "Stopping PostgreSQL"
        stop_pg
    fi
}

stop_pg() {
    local dir bin
    dir="$(pg_dir)"; bin="$(pg_bin)"
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}

psql_db() {
    psql -h "$PG_SOCKET" -p "$PG_PORT" -U "$DB_USER" "$@"
}

odoo() {
    "$(venv_python)" "$ODOO_PATH/odoo-bin" \
        --addons-path="$ODOO_PATH/addons,$(addons_dir)" \
        --db_host="$PG_SOCKET" --db_port="$PG_PORT" --db_user="$DB_USER" \
        --data-dir="$STATE_DIR/data" "$@"
}
