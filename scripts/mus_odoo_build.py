"""The build backend of ``pip install .``: whool, run on a copy of the addon named mus_odoo.

whool (the backend OCA builds its addons with) names the distribution after the folder it builds
in and packs every file under git. A clone can be in a folder of any name, and it holds the
developer files (scripts/, .ci/, the lint configuration). So this backend, which pyproject.toml
names (``backend-path``), copies the files under git, as they are in the working tree, without
those .gitattributes marks ``export-ignore``, into a temporary folder named mus_odoo, and lets
whool build there. A source archive it builds carries a PKG-INFO with the right name: built from
there (``pip install odoo_addon_mus_odoo-*.tar.gz``), whool works on it directly.
"""
import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from whool import buildapi as whool

ADDON = "mus_odoo"


def addon_files(repo):
    """The paths (relative to ``repo``) of the addon's files: under git, present in the working
    tree, and not marked export-ignore."""
    listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], check=True, capture_output=True).stdout
    attrs = subprocess.run(
        ["git", "-C", str(repo), "check-attr", "--stdin", "-z", "export-ignore"],
        input=listed, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    return sorted(
        path for path, _attr, value in zip(attrs[0::3], attrs[1::3], attrs[2::3], strict=False)
        if path and value != "set" and (Path(repo) / path).is_file()
    )


@contextlib.contextmanager
def _addon_copy():
    here = Path.cwd()
    if (here / "PKG-INFO").exists():
        # A source archive: already the addon, under its name.
        yield
        return
    toplevel = subprocess.run(
        ["git", "-C", str(here), "rev-parse", "--show-toplevel"], capture_output=True, text=True,
    ).stdout.strip()
    if not toplevel or Path(toplevel).resolve() != here.resolve():
        raise RuntimeError(
            f"{here} is not a git checkout of the addon: build from a clone, or from the source "
            "archive scripts/build_wheel.sh makes."
        )
    with tempfile.TemporaryDirectory(prefix="mus_odoo_build_") as tmp:
        copy = Path(tmp) / ADDON
        for path in addon_files(here):
            (copy / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(here / path, copy / path)
        # The copy is built by whool itself (this backend stays out of the package).
        pyproject = copy / "pyproject.toml"
        text = re.sub(r"(?m)^backend-path\s*=.*\n", "", pyproject.read_text())
        pyproject.write_text(re.sub(r'(?m)^build-backend\s*=.*$', 'build-backend = "whool.buildapi"', text))
        ceiling = os.environ.get("GIT_CEILING_DIRECTORIES")
        # Not a git checkout, and not part of one around it: whool packs the whole copy.
        os.environ["GIT_CEILING_DIRECTORIES"] = tmp
        os.chdir(copy)
        try:
            yield
        finally:
            os.chdir(here)
            if ceiling is None:
                os.environ.pop("GIT_CEILING_DIRECTORIES", None)
            else:
                os.environ["GIT_CEILING_DIRECTORIES"] = ceiling


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    with _addon_copy():
        return whool.prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    wheel_directory = os.path.abspath(wheel_directory)
    with _addon_copy():
        return whool.build_wheel(wheel_directory, config_settings)


def build_sdist(sdist_directory, config_settings=None):
    sdist_directory = os.path.abspath(sdist_directory)
    with _addon_copy():
        return whool.build_sdist(sdist_directory, config_settings)
