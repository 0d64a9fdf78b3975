#!/usr/bin/env bash
# Builds the pip packages of the addon, odoo-addon-mus_odoo (a wheel and a source archive), as
# OCA builds its addons, with whool:
#   scripts/build_wheel.sh            into dist/
#   scripts/build_wheel.sh DIR        into DIR
# whool names the distribution after the folder it builds in (a clone in /tmp/ci_clone7 would
# give odoo-addon-ci_clone7) and packs every file under git. So this script copies the files
# under git (as they are in the working tree, as whool would), without those that .gitattributes
# marks export-ignore (scripts/, .ci/, the lint configuration, ...), into a folder named mus_odoo,
# and builds there: the source archive first, then the wheel from it (python -m build).
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
rm -rf "$WORK"
mkdir -p "$WORK/$NAME"
git -C "$REPO" ls-files -z \
    | git -C "$REPO" check-attr --stdin -z export-ignore \
    | while IFS= read -r -d '' path && IFS= read -r -d '' _attr && IFS= read -r -d '' value; do
        # Left out: the developer files, and files deleted in the working tree.
        if [ "$value" != set ] && [ -e "$REPO/$path" ]; then printf '%s\0' "$path"; fi
    done \
    | tar -C "$REPO" --null -T - -cf - | tar -C "$WORK/$NAME" -xf -
[ -f "$WORK/$NAME/__manifest__.py" ] && [ -f "$WORK/$NAME/pyproject.toml" ] \
    || die "the copy of the addon has no __manifest__.py or pyproject.toml (are they committed?)"

# The copy is not a git checkout, and must not be taken for part of one around it: whool then
# packs the whole (already filtered) copy.
say "Building odoo-addon-$NAME from $WORK/$NAME into $OUT"
if ! (cd "$WORK" && GIT_CEILING_DIRECTORIES="$WORK" "$PY" -m build --no-isolation --outdir "$OUT" "$NAME" \
        >"$WORK/build.log" 2>&1); then
    cat "$WORK/build.log" >&2
    die "building the wheel failed (log above)"
fi
version="$("$PY" -c 'import ast, sys; print(ast.literal_eval(open(sys.argv[1]).read())["version"])' "$REPO/__manifest__.py")"
wheel="$OUT/odoo_addon_${NAME}-${version}-py3-none-any.whl"
[ -f "$wheel" ] || { ls -l "$OUT" >&2; die "whool did not build $wheel"; }
echo "$wheel"
