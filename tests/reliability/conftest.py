"""Fixtures shared by the reliability tests."""

import os
import subprocess

import pytest


@pytest.fixture
def tmpfs(tmp_path):
    """tmpfs(size, name) -> a real tmpfs of that size ("3m") mounted at tmp_path/name, unmounted
    after the test. Skips the test where it cannot mount (not root, no mount allowed)."""
    mounted = []

    def mount(size: str, name: str = "small"):
        mnt = tmp_path / name
        mnt.mkdir()
        if os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
        mounted.append(mnt)
        return mnt

    yield mount
    for mnt in reversed(mounted):
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
