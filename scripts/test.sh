#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. lint (ruff, pylint-odoo),
#   2. install mus_odoo with demo data in a fresh database and run every test
#      inside real Odoo 18 (TransactionCase, HttpCase tours in Chromium),
#   3. upgrade the addon (-u) on that database, which holds interviews in
#      every state, and check that no MUS data changed,
#   4. Odoo's own test_mail, test_mail_full and hr suites on a database with the addon
#      installed, with Odoo's query budgets (scripts/test_odoo_suites.sh),
#   5. build the pip wheel, install it into a fresh virtualenv beside Odoo and install the
#      addon from there on a fresh database (scripts/test_wheel.sh).
# MUS_TEST_TAGS narrows the tests (default: /mus_odoo and Odoo's own hr test that reads every
# employee field as a user without HR rights), e.g.
#   MUS_TEST_TAGS=/mus_odoo:TestMusWorkflow scripts/test.sh
# and further arguments are passed to Odoo, e.g. --log-level=debug_sql.
source "$(dirname "$0")/lib.sh"
require_odoo
bash "$REPO/scripts/setup.sh"
VENV_BIN="$(dirname "$(venv_python)")"

say "Lint: ruff"
"$VENV_BIN/ruff" check "$REPO" || die "ruff found problems"
say "Lint: pylint-odoo"
# missing-readme: the README is Markdown (README.md), not README.rst.
"$VENV_BIN/pylint" --rcfile="$REPO/.pylintrc" --disable=missing-readme "$REPO/mus_odoo" "$REPO/tests" "$REPO/__manifest__.py" \
    || die "pylint-odoo found problems"

trap stop_pg_if_started EXIT
start_pg
DB="${MUS_TEST_DB:-mus_test}"
LOG="$STATE_DIR/test.log"
psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
command -v chromium >/dev/null || die "chromium is missing (apt-get install chromium)"

# The tours need Odoo's HTTP server: take a free port, so that a running
# scripts/run.sh (or another test run) does not get in the way.
HTTP_TEST_PORT="${MUS_TEST_HTTP_PORT:-$("$(venv_python)" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
say "Install mus_odoo with demo data and run the tests (log: $LOG)"
set +e
odoo -d "$DB" -i mus_odoo --test-enable --test-tags "${MUS_TEST_TAGS:-/mus_odoo,/hr:TestSelfAccessProfile.test_employee_fields_groups}" \
    --stop-after-init --http-port="$HTTP_TEST_PORT" --http-interface=127.0.0.1 \
    --log-level=info "$@" 2>&1 | tee "$LOG" | grep -E "(ERROR|CRITICAL|FAIL|Traceback|odoo.tests.result|Starting|tests when)" --line-buffered
rc=${PIPESTATUS[0]}
set -e

result=$(grep -E "odoo.tests.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -1 || true)
[ -n "$result" ] || { tail -40 "$LOG"; die "no test result in the log (install failed?)"; }
failed=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\1/')
errors=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\2/')
total=$(echo "$result" | sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error.* of ([0-9]+) tests.*/\3/')
bad=$((failed + errors))
log_errors=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG" || true)
log_warnings=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ WARNING " "$LOG" || true)
if [ "$log_warnings" != 0 ]; then
    grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ WARNING " "$LOG" >&2
fi
echo "$((total - bad)) passed, $bad failed"
[ "$total" -gt 0 ] || die "no test ran"
[ "$rc" = 0 ] && [ "$bad" = 0 ] && [ "$log_errors" = 0 ] \
    || die "tests failed (odoo exit $rc, $bad failed tests, $log_errors error lines in $LOG)"
[ "$log_warnings" = 0 ] || die "the test log has $log_warnings warnings"

say "Translations: i18n/mus_odoo.pot is current and i18n/da.po complete"
odoo -d "$DB" --i18n-export="$STATE_DIR/exported.pot" --modules=mus_odoo --stop-after-init --log-level=warn \
    || die "exporting the terms failed"
"$(venv_python)" "$REPO/scripts/check_i18n.py" "$STATE_DIR/exported.pot" \
    || die "the translations are not complete (see above)"

say "Upgrade (-u mus_odoo) on the database with demo interviews in every state"
fingerprint() {
    psql_db -d "$DB" -tA <<'SQL'
SELECT 'states: ' || string_agg(state || '=' || n, ' ' ORDER BY state)
  FROM (SELECT state, count(*) n FROM mus_interview GROUP BY state) s;
SELECT 'mus_interview ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM mus_interview t;
SELECT 'mus_interview_answer ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM mus_interview_answer t;
SELECT 'mus_goal_review ' || count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM mus_goal_review t;
SELECT 'mus_development_plan ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM mus_development_plan t;
SELECT 'mus_development_goal ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM mus_development_goal t;
SELECT 'mus_follow_up ' || count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM mus_follow_up t;
SELECT 'mus_question ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM mus_question t;
SELECT 'messages ' || count(*) FROM mail_message WHERE model = 'mus.interview';
SELECT 'events ' || count(*) FROM calendar_event WHERE res_model = 'mus.interview';
SQL
}
before=$(fingerprint)
# Every state of the workflow (as the database knows the selection), not a copy of it.
missing_states=$(psql_db -d "$DB" -tAc "SELECT string_agg(s.value, ', ' ORDER BY s.sequence) FROM ir_model_fields_selection s JOIN ir_model_fields f ON f.id = s.field_id WHERE f.model = 'mus.interview' AND f.name = 'state' AND s.value NOT IN (SELECT state FROM mus_interview)")
[ -z "$missing_states" ] || die "the demo data lacks interviews in: $missing_states"
odoo -d "$DB" -u mus_odoo --stop-after-init --log-level=warn > "$STATE_DIR/upgrade.log" 2>&1 \
    || { tail -40 "$STATE_DIR/upgrade.log"; die "upgrade failed"; }
if grep -E "ERROR|CRITICAL" "$STATE_DIR/upgrade.log"; then die "the upgrade logged errors"; fi
after=$(fingerprint)
if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    die "the upgrade changed MUS data"
fi
echo "$before" | sed 's/^/    /'
say "Upgrade kept every MUS record unchanged"
bash "$REPO/scripts/test_odoo_suites.sh" || die "Odoo's own suites fail with mus_odoo installed (see above)"
bash "$REPO/scripts/test_wheel.sh" || die "the addon does not install from its wheel (see above)"
stop_pg_if_started
trap - EXIT
echo "$((total - bad)) passed, $bad failed"
