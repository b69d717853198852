"""setup.py - what pyproject.toml's wheel holds: python/sqlite_maas plus the
built modules maas.so and maas_nofs.so, VERSION and LICENSE beside it.

    /usr/bin/python3 -m pip wheel --no-build-isolation --no-deps --no-index -w dist ./python

The modules come from $MAAS_BUILD_DIR (default: the checkout's build/); a
missing one stops the build with a message saying how to make it.  The
wheel is a platform wheel (py3-none-PLATFORM): the package is pure Python
but the modules are machine code.  Its version is VERSION's first line.
"""
import os
import shutil
import sysconfig

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:  # setuptools >= 70 carries bdist_wheel; Debian 12 has it in wheel 0.38
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODULES = ("maas.so", "maas_nofs.so")


def build_dir():
    path = os.environ.get("MAAS_BUILD_DIR") or os.path.join(ROOT, "build")
    return path if os.path.isabs(path) else os.path.join(ROOT, path)


def version():
    with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
        return f.readline().strip()


class BuildPyWithModules(build_py):
    """The package, then the modules and VERSION, LICENSE copied into it."""

    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "sqlite_maas")
        sources = [os.path.join(build_dir(), name) for name in MODULES]
        sources += [os.path.join(ROOT, "VERSION"), os.path.join(ROOT, "LICENSE")]
        for source in sources:
            if not os.path.isfile(source):
                raise SystemExit(f"sqlite-maas wheel: no {source}: build the modules first "
                                 "(cmake -S . -B build && cmake --build build), or set MAAS_BUILD_DIR")
            self.copy_file(source, os.path.join(target, os.path.basename(source)))


class PlatformWheel(bdist_wheel):
    """py3-none-PLATFORM: any Python 3, one platform (the bundled modules)."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        return "py3", "none", plat


class BinaryDistribution(Distribution):
    """Says it has machine code, so the files go in the wheel's root (platlib)."""

    def has_ext_modules(self):
        return True


# A fresh copy each time: setuptools keeps build/lib between runs, and an old
# module must not end up in a new wheel.
shutil.rmtree(os.path.join(HERE, "build"), ignore_errors=True)
setup(version=version(), distclass=BinaryDistribution,
      cmdclass={"build_py": BuildPyWithModules, "bdist_wheel": PlatformWheel})
