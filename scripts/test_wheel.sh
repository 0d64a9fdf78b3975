#!/usr/bin/env bash
# The addon as pip installs it: builds the wheel (scripts/build_wheel.sh), checks its contents and
# metadata (scripts/check_wheel.py), pip-installs it into a fresh virtualenv beside Odoo, installs
# the addon from there (-i mus_odoo) on a fresh database, with an addons path that does not hold
# this repository, and checks that Odoo loaded it from that virtualenv's site-packages.
#
# The fresh virtualenv gets Odoo the way `pip install -e ./odoo` would give it, without writing
# into ODOO_PATH and without a download: a .pth file puts ODOO_PATH (the odoo package) and the
# shared virtualenv's site-packages (Odoo's requirements, already installed) on its path, and
# Odoo's own setup.py writes Odoo's metadata (odoo.egg-info, odoo 18.0) into its site-packages,
# so that pip finds the wheel's requirement odoo==18.0.* installed. pip then installs the wheel
# with its dependencies (--no-index: nothing is fetched). Odoo's odoo/ and odoo/addons/ are
# namespace packages (pkgutil.extend_path), so odoo.addons.mus_odoo is found in the virtualenv's
# site-packages/odoo/addons/, as for any OCA wheel.
# Runs alone or from scripts/test.sh (it then uses the cluster test.sh started).
source "$(dirname "$0")/lib.sh"
set +e
require_odoo
started=$SECONDS
WORK="$STATE_DIR/wheel_test"
DB="${MUS_WHEEL_DB:-mus_wheel}"
SHARED_PY="$(venv_python)"
rm -rf "$WORK"
mkdir -p "$WORK/dist"

wheel="$(bash "$REPO/scripts/build_wheel.sh" "$WORK/dist" | tail -1)"
[ -f "$wheel" ] || die "the wheel was not built (see above)"
"$SHARED_PY" "$REPO/scripts/check_wheel.py" "$wheel" || die "the wheel is not the addon as it should be (see above)"

say "A fresh virtualenv with Odoo 18 ($ODOO_PATH) and its requirements ($MUS_CACHE/venv)"
VENV="$WORK/venv"
"$SHARED_PY" -m venv --without-pip "$VENV" || die "creating the virtualenv $VENV failed"
PY="$VENV/bin/python"
site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
shared_site="$("$SHARED_PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
printf '%s\n' "$ODOO_PATH" "$shared_site" > "$site/odoo18_and_requirements.pth"
odoo_tree_before="$(ls -a "$ODOO_PATH")"
(cd "$ODOO_PATH" && "$PY" setup.py -q egg_info --egg-base "$site" >"$WORK/egg_info.log" 2>&1) \
    || { cat "$WORK/egg_info.log" >&2; die "Odoo's setup.py egg_info failed"; }
[ "$(ls -a "$ODOO_PATH")" = "$odoo_tree_before" ] || die "writing Odoo's metadata changed $ODOO_PATH"
"$PY" -c 'import importlib.metadata as m; assert m.version("odoo").startswith("18.0"), m.version("odoo")' \
    || die "the fresh virtualenv does not see Odoo 18.0 as installed"

say "pip install $(basename "$wheel") into $VENV"
# The shared virtualenv's pip, run for the fresh virtualenv (pip --python): it installs there.
"$SHARED_PY" -m pip --python "$PY" install --no-index --no-cache-dir --disable-pip-version-check -q "$wheel" \
    || die "pip could not install the wheel into the fresh virtualenv"
installed="$site/odoo/addons/mus_odoo"
[ -f "$installed/__manifest__.py" ] || die "pip did not install the addon into $installed"
[ "$("$PY" -c 'import importlib.metadata as m; print(m.version("odoo-addon-mus_odoo"))')" \
    = "$(basename "$wheel" | cut -d- -f2)" ] || die "pip does not list odoo-addon-mus_odoo in $VENV"
if "$SHARED_PY" -c 'import importlib.metadata as m; m.version("odoo-addon-mus_odoo")' 2>/dev/null; then
    die "the wheel went into the shared virtualenv $MUS_CACHE/venv"
fi

trap stop_pg_if_started EXIT
start_pg
PGOPTIONS="-c client_min_messages=warning" psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
say "Install mus_odoo from the wheel on a fresh database $DB (addons path: $ODOO_PATH/addons only; log: $WORK/odoo.log)"
# odoo-bin, run so that the process notes where it imported the addon from when it exits.
(cd "$WORK" && MUS_WHEEL_WHERE="$WORK/loaded_from" "$PY" -c '
import atexit, os, runpy, sys
@atexit.register
def _where():
    module = sys.modules.get("odoo.addons.mus_odoo")
    import odoo.addons
    with open(os.environ["MUS_WHEEL_WHERE"], "w") as f:
        f.write((getattr(module, "__file__", None) or "not imported") + "\n")
        f.write("\n".join(path for path in odoo.addons.__path__ if os.path.isdir(os.path.join(path, "mus_odoo"))))
sys.argv = [sys.argv[1], *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
' "$ODOO_PATH/odoo-bin" --addons-path="$ODOO_PATH/addons" \
    --db_host="$PG_SOCKET" --db_port="$PG_PORT" --db_user="$DB_USER" --data-dir="$WORK/data" \
    -d "$DB" -i mus_odoo --without-demo=all --stop-after-init --no-http --log-level=warn \
    >"$WORK/odoo.log" 2>&1)
rc=$?
state="$(psql_db -d "$DB" -tAc "SELECT state FROM ir_module_module WHERE name = 'mus_odoo'" 2>/dev/null)"
version="$(psql_db -d "$DB" -tAc "SELECT latest_version FROM ir_module_module WHERE name = 'mus_odoo'" 2>/dev/null)"
if [ "$rc" != 0 ] || [ "$state" != installed ] || grep -qE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$WORK/odoo.log"; then
    tail -40 "$WORK/odoo.log" >&2
    die "installing mus_odoo from the wheel failed (odoo exit $rc, module state '${state:-none}', log $WORK/odoo.log)"
fi
if grep -qE "^[0-9-]+ [0-9:,]+ [0-9]+ WARNING " "$WORK/odoo.log"; then
    grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ WARNING " "$WORK/odoo.log" >&2
    die "installing mus_odoo from the wheel logged warnings (above)"
fi
loaded="$(head -1 "$WORK/loaded_from" 2>/dev/null)"
found_in="$(tail -n +2 "$WORK/loaded_from" 2>/dev/null)"
[ "$loaded" = "$installed/__init__.py" ] \
    || die "Odoo imported odoo.addons.mus_odoo from '${loaded:-nowhere}', not from the wheel in $installed"
[ "$found_in" = "$site/odoo/addons" ] \
    || die "odoo.addons finds mus_odoo in '$found_in', not only in the virtualenv ($site/odoo/addons)"
PGOPTIONS="-c client_min_messages=warning" psql_db -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
say "The wheel installs: mus_odoo $version installed on a fresh database from $installed ($((SECONDS - started)) s)"
