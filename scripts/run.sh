#!/usr/bin/env bash
# Starts Odoo 18 with mus_odoo and its demo data on http://localhost:8069
# (login admin / admin; leader / leader; employee / employee).
#   scripts/run.sh            create the demo database once, then serve it
#   scripts/run.sh --reset    drop it and start again from scratch
# ODOO_PATH (default /opt/odoo18) points at the Odoo 18.0 source.
source "$(dirname "$0")/lib.sh"
require_odoo
bash "$REPO/scripts/setup.sh"
start_pg
DB="${MUS_DB:-mus_demo}"
if [ "${1:-}" = "--reset" ]; then
    shift
    say "Dropping database $DB"
    psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
fi
if ! psql_db -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    say "Creating database $DB with mus_odoo and demo data (a few minutes)"
    odoo -d "$DB" -i mus_odoo --stop-after-init --log-level=warn 2>&1 | tee "$STATE_DIR/install.log"
    if [ "${PIPESTATUS[0]}" != 0 ] || grep -qE " (ERROR|CRITICAL) |demo data failed" "$STATE_DIR/install.log"; then
        psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
        die "installing mus_odoo with its demo data failed (see above)"
    fi
fi
say "Serving $DB on http://localhost:$HTTP_PORT (Ctrl-C to stop)"
exec "$(venv_python)" "$ODOO_PATH/odoo-bin" \
    --addons-path="$ODOO_PATH/addons,$(addons_dir)" \
    --db_host="$PG_SOCKET" --db_port="$PG_PORT" --db_user="$DB_USER" \
    --data-dir="$STATE_DIR/data" -d "$DB" --db-filter="^$DB\$" \
    --http-port="$HTTP_PORT" --http-interface=127.0.0.1 "$@"
