#!/usr/bin/env bash
# Builds the pip packages of the addon, odoo-addon-mus_odoo (a wheel and a source archive), as
# OCA builds its addons, with whool:
#   scripts/build_wheel.sh            into dist/
#   scripts/build_wheel.sh DIR        into DIR
# Built by pyproject.toml's backend (scripts/mus_odoo_build.py): whool, on a copy of the addon
# named mus_odoo without the files .gitattributes marks export-ignore (scripts/, .ci/, the lint
# configuration, ...): the source archive first, then the wheel from it (python -m build).
# The private PostgreSQL cluster (.pgdata/) and other untracked files are never copied.
source "$(dirname "$0")/lib.sh"
OUT="$(mkdir -p "${1:-$REPO/dist}" && cd "${1:-$REPO/dist}" && pwd)"
PY="$(venv_python)"
[ -x "$PY" ] || PY="$(command -v python3)"
"$PY" -c "import build, whool" 2>/dev/null \
    || die "whool and build are not installed for $PY (pip install whool build)"
git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1 \
    || die "$REPO is not a git checkout: the wheel holds the files under git"

NAME=mus_odoo
WORK="$STATE_DIR/wheel_build"
mkdir -p "$WORK"
say "Building odoo-addon-$NAME from $REPO into $OUT"
if ! "$PY" -m build --no-isolation --outdir "$OUT" "$REPO" >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2
    die "building the wheel failed (log above)"
fi
version="$("$PY" -c 'import ast, sys; print(ast.literal_eval(open(sys.argv[1]).read())["version"])' "$REPO/__manifest__.py")"
wheel="$OUT/odoo_addon_${NAME}-${version}-py3-none-any.whl"
[ -f "$wheel" ] || { ls -l "$OUT" >&2; die "whool did not build $wheel"; }
echo "$wheel"
