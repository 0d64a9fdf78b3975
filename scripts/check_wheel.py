"""Checks the wheel that scripts/build_wheel.sh built, before anything installs it.

    check_wheel.py WHEEL

Fails unless the wheel is odoo-addon-mus_odoo at the manifest's version, requires Odoo 18.0 and
no core addon, and holds exactly the addon's files under git (not what .gitattributes marks
export-ignore), among them every file the manifest loads, and none of the developer files.
Prints a summary of its contents.
"""
import ast
import collections
import email.parser
import fnmatch
import sys
import zipfile
from pathlib import Path

from mus_odoo_build import addon_files

REPO = Path(__file__).resolve().parent.parent
ADDON = "mus_odoo"
PREFIX = f"odoo/addons/{ADDON}/"
# Never in the wheel, whatever .gitattributes says.
DEVELOPER_FILES = {
    "scripts", ".ci", ".pgdata", ".git", ".gitignore", ".gitattributes", ".pylintrc", "ruff.toml",
    "requirements-dev.txt", "pyproject.toml", "PKG-INFO", "CONTRIBUTING.md", "dist", "build", ".venv",
}
# What an installed addon cannot do without.
ESSENTIAL = ["__init__.py", "__manifest__.py", "README.md", f"{ADDON}/__init__.py", "tests/__init__.py",
             "i18n/da.po", "i18n/mus_odoo.pot"]


def addon_files_under_git():
    return set(addon_files(REPO))


def main(wheel_path):
    manifest = ast.literal_eval((REPO / "__manifest__.py").read_text(encoding="utf-8"))
    version = manifest["version"]
    problems = []
    expected_name = f"odoo_addon_{ADDON}-{version}-py3-none-any.whl"
    if Path(wheel_path).name != expected_name:
        problems.append(f"the wheel is named {Path(wheel_path).name}, not {expected_name}")
    with zipfile.ZipFile(wheel_path) as wheel:
        names = [name for name in wheel.namelist() if not name.endswith("/")]
        dist_info = f"odoo_addon_{ADDON}-{version}.dist-info/"
        metadata = email.parser.HeaderParser().parsestr(wheel.read(dist_info + "METADATA").decode())
        size = sum(info.file_size for info in wheel.infolist())

    if metadata["Name"] != f"odoo-addon-{ADDON}":
        problems.append(f"Name is {metadata['Name']!r}, not 'odoo-addon-{ADDON}'")
    if metadata["Version"] != version:
        problems.append(f"Version is {metadata['Version']!r}, not the manifest's {version!r}")
    requires = metadata.get_all("Requires-Dist") or []
    if requires != ["odoo==18.0.*"]:
        problems.append(f"Requires-Dist is {requires}, not ['odoo==18.0.*'] (the depends {manifest['depends']} "
                        "are Odoo's own addons, which come with Odoo, not from pip)")

    outside = [name for name in names if not name.startswith((PREFIX, dist_info))]
    if outside:
        problems.append(f"files outside {PREFIX}: {outside[:5]}")
    files = {name[len(PREFIX):] for name in names if name.startswith(PREFIX)}
    developer = sorted(path for path in files if path.split("/")[0] in DEVELOPER_FILES)
    if developer:
        problems.append(f"developer files in the wheel: {developer[:10]}")
    compiled = sorted(path for path in files if "__pycache__" in path or path.endswith((".pyc", ".pyo")))
    if compiled:
        problems.append(f"compiled files in the wheel: {compiled[:5]}")
    missing = sorted(path for path in ESSENTIAL if path not in files)
    loaded = [*manifest.get("data", []), *manifest.get("demo", [])]
    missing += sorted(path for path in loaded if path not in files)
    # Asset globs start with the addon's name (they are read from the addons path); "**/" is any
    # number of folders, none included.
    assets = [f"{ADDON}/{path}" for path in files]
    missing += sorted(f"{pattern} (no file matches)" for bundle in manifest.get("assets", {}).values()
                      for pattern in bundle
                      if not fnmatch.filter(assets, pattern)
                      and not fnmatch.filter(assets, pattern.replace("/**/", "/")))
    if not any(path.startswith("migrations/") for path in files):
        missing.append("migrations/")
    if missing:
        problems.append(f"missing from the wheel: {missing}")
    under_git = addon_files_under_git() - {"pyproject.toml"}  # whool reads it and leaves it out
    if files - under_git:
        problems.append(f"in the wheel but not among the addon's files under git: {sorted(files - under_git)[:10]}")
    if under_git - files:
        problems.append(f"among the addon's files under git but not in the wheel: {sorted(under_git - files)[:10]}")

    top = collections.Counter(path.split("/")[0] + ("/" if "/" in path else "") for path in files)
    print(f"{Path(wheel_path).name}: {len(names)} files, {size // 1024} KiB unpacked")
    print(f"  Name: {metadata['Name']}  Version: {metadata['Version']}  Requires-Python: "
          f"{metadata['Requires-Python']}  Requires-Dist: {', '.join(requires)}")
    print("  " + PREFIX + ": " + ", ".join(f"{entry} ({count})" if entry.endswith("/") else entry
                                           for entry, count in sorted(top.items())))
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
