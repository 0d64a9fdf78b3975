#!/usr/bin/env bash
# Odoo's own suites with mus_odoo installed: the addon's overrides of the
# mail, attachment, activity and employee models may cost Odoo nothing.
# Installs mus_odoo, test_mail and test_mail_full (no demo data) in a database
# of its own and runs, with Odoo's own query budgets, test_mail's and
# test_mail_full's performance classes, test_mail's activity tests and hr's
# access tests. Fails with the counts of failed tests and of query budgets
# exceeded.
#   scripts/test_odoo_suites.sh [extra odoo arguments]
# MUS_SUITES_DB (default mus_odoo_suites) names the database, dropped first;
# MUS_SUITES_TAGS replaces the test tags. Log: $STATE_DIR/odoo_suites.log.
source "$(dirname "$0")/lib.sh"
require_odoo
trap stop_pg_if_started EXIT
start_pg
DB="${MUS_SUITES_DB:-mus_odoo_suites}"
LOG="$STATE_DIR/odoo_suites.log"
TAGS="${MUS_SUITES_TAGS:-/test_mail:TestBaseMailPerformance,/test_mail:TestBaseAPIPerformance,/test_mail:TestMailAPIPerformance,/test_mail:TestMessageToStorePerformance,/test_mail:TestActivityMixin,/test_mail_full:TestMailPerformance,/test_mail_full:TestPortalFormatPerformance,/hr:TestSelfAccessProfile,/hr:TestSelfAccessRights}"
HTTP_TEST_PORT="${MUS_TEST_HTTP_PORT:-$("$(venv_python)" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"

psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
say "Install mus_odoo, test_mail and test_mail_full in $DB (log: $LOG)"
set +e
odoo -d "$DB" -i mus_odoo,test_mail,test_mail_full --without-demo=all --stop-after-init \
    --log-level=warn > "$LOG" 2>&1
rc=$?
set -e
[ "$rc" = 0 ] || { tail -40 "$LOG"; die "installing mus_odoo with test_mail and test_mail_full failed (exit $rc)"; }

# Installed first, run after: the tests see the addon as a user's database has it.
say "Odoo's suites with mus_odoo installed: $TAGS"
set +e
odoo -d "$DB" --test-enable --test-tags "$TAGS" --stop-after-init \
    --http-port="$HTTP_TEST_PORT" --http-interface=127.0.0.1 --log-level=info "$@" >> "$LOG" 2>&1
rc=$?
set -e

result=$(grep -E "odoo.tests.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -1 || true)
[ -n "$result" ] || { tail -40 "$LOG"; die "no test result in $LOG"; }
failed=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\1/')
errors=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\2/')
total=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\3/')
over=$(grep -cE "Query count more than expected" "$LOG" || true)
log_errors=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG" || true)
if [ "$over" != 0 ] || [ "$((failed + errors))" != 0 ] || [ "$log_errors" != 0 ]; then
    grep -E "Query count more than expected|^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^(FAIL|ERROR):" "$LOG" >&2 || true
fi
echo "Odoo's suites with mus_odoo: $((total - failed - errors)) of $total passed, $failed failed, $errors errors, $over query budgets exceeded"
[ "$total" -gt 0 ] || die "no test of Odoo's suites ran (log: $LOG)"
[ "$rc" = 0 ] && [ "$failed" = 0 ] && [ "$errors" = 0 ] && [ "$over" = 0 ] && [ "$log_errors" = 0 ] \
    || die "Odoo's own suites fail with mus_odoo installed: $failed failed, $errors errors, $over query budgets exceeded, $log_errors error lines (odoo exit $rc, log: $LOG)"
psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
stop_pg_if_started
trap - EXIT
