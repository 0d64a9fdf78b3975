#!/usr/bin/env bash
# The MUS cycle benchmark: builds employees under leaders and departments in
# its own database (mus_bench, created with mus_odoo and no demo data when
# missing) and prints a table of wall time, SQL queries and rows per second
# for: launching a cycle for 1,000 and 10,000 employees, the naive launch
# (one create per employee) for 1,000, one reminder run over 10,000 open
# interviews, and the cycle's reporting read over 100,000 interviews.
# The organisation is kept in mus_bench for the next runs; every scenario is
# rolled back.
#   scripts/benchmark.sh [--reset]
# MUS_BENCH_SIZES (default 1000,10000), MUS_BENCH_NAIVE (default 1000) and
# MUS_BENCH_REPORT_YEARS (default 10: 10,000 employees x 10 years) change the sizes.
source "$(dirname "$0")/lib.sh"
require_odoo
trap stop_pg_if_started EXIT
start_pg
DB="${MUS_BENCH_DB:-mus_bench}"
if [ "${1:-}" = "--reset" ]; then
    psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
fi
if ! psql_db -d "$DB" -tAc "SELECT 1 FROM ir_module_module WHERE name = 'mus_odoo' AND state = 'installed'" 2>/dev/null | grep -q 1; then
    say "Creating $DB with mus_odoo (no demo data)"
    odoo -d "$DB" -i mus_odoo --without-demo=all --stop-after-init --log-level=warn
else
    odoo -d "$DB" -u mus_odoo --stop-after-init --log-level=warn
fi
say "Running the benchmark (this takes a few minutes)"
echo "exec(open('$REPO/scripts/benchmark.py').read())" \
    | "$(venv_python)" "$ODOO_PATH/odoo-bin" shell \
        --addons-path="$ODOO_PATH/addons,$(addons_dir)" \
        --db_host="$PG_SOCKET" --db_port="$PG_PORT" --db_user="$DB_USER" \
        --data-dir="$STATE_DIR/data" -d "$DB" --no-http --log-level=warn --shell-interface=python
