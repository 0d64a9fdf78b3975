"""Checks the translations against a fresh export of the addon's terms.

    check_i18n.py EXPORTED.pot

Fails when the committed i18n/mus_odoo.pot does not hold exactly the terms
Odoo exports from the code, or when i18n/da.po misses a translation, keeps a
fuzzy one, or changes a named placeholder.
"""
import re
import sys
from pathlib import Path

import polib

I18N = Path(__file__).resolve().parent.parent / "i18n"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%s|\{\{.*?\}\}")


def main(exported_path):
    # Demo data (xml ids ending in _demo) is not shipped, so not translated.
    exported = {
        entry.msgid for entry in polib.pofile(exported_path)
        if not entry.occurrences or not all(ref.endswith("_demo") for ref, _line in entry.occurrences)
    }
    committed = {entry.msgid for entry in polib.pofile(str(I18N / "mus_odoo.pot"))}
    problems = []
    for msgid in sorted(exported - committed):
        problems.append(f"not in i18n/mus_odoo.pot (regenerate it): {msgid[:80]!r}")
    for msgid in sorted(committed - exported):
        problems.append(f"in i18n/mus_odoo.pot but no longer in the code: {msgid[:80]!r}")
    danish = {entry.msgid: entry for entry in polib.pofile(str(I18N / "da.po"))}
    for msgid in sorted(exported):
        entry = danish.get(msgid)
        if entry is None or not entry.msgstr:
            problems.append(f"no Danish translation: {msgid[:80]!r}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy Danish translation: {msgid[:80]!r}")
        elif sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
            problems.append(f"placeholders differ in Danish: {msgid[:80]!r}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"i18n: {len(exported)} terms, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
