#!/usr/bin/env bash
# Installs what the addon needs to run and to be tested: Debian packages
# (PostgreSQL 15, Chromium for the tours, wkhtmltopdf for PDF reports) and a
# virtualenv with Odoo 18's Python requirements. Safe to re-run: it only does
# what is missing.
source "$(dirname "$0")/lib.sh"
require_odoo

debs=(postgresql-15 chromium wkhtmltopdf libldap2-dev libsasl2-dev libpq-dev fonts-dejavu-core poppler-utils)
missing=()
for deb in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} (run this script as root, or install them)"
    say "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The requirements of Odoo, but cbor2==5.4.2 does not build on Python 3.11.
reqs="$MUS_CACHE/requirements.txt"
mkdir -p "$MUS_CACHE"
{
    sed -e 's/^cbor2==[^;]*/cbor2 /' "$ODOO_PATH/requirements.txt"
    cat "$REPO/requirements-dev.txt"
} > "$reqs.new"
stamp="$(md5sum "$reqs.new" | cut -d' ' -f1)"
if [ ! -x "$(venv_python)" ] || [ "$(cat "$MUS_CACHE/venv/.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "Creating the virtualenv $MUS_CACHE/venv (Odoo 18 requirements)"
    rm -rf "$MUS_CACHE/venv"
    python3 -m venv "$MUS_CACHE/venv"
    "$(venv_python)" -m pip install -q --upgrade "pip<25" wheel "setuptools<70" >"$MUS_CACHE/pip.log" 2>&1 \
        || { cat "$MUS_CACHE/pip.log" >&2; die "pip failed"; }
    "$(venv_python)" -m pip install -q -r "$reqs.new" >>"$MUS_CACHE/pip.log" 2>&1 \
        || { tail -50 "$MUS_CACHE/pip.log" >&2; die "pip install of the requirements failed"; }
    mv "$reqs.new" "$reqs"
    echo "$stamp" > "$MUS_CACHE/venv/.stamp"
fi
rm -f "$reqs.new"
say "Setup complete (venv: $MUS_CACHE/venv, Odoo: $ODOO_PATH)"
