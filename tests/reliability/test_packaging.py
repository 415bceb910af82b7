"""The installed wheel carries resources/ and schemas/, found through the one path helper."""

import subprocess
import sys
import zipfile
from pathlib import Path

from annotator.core.paths import resource_path, schema_path

ROOT = Path(__file__).resolve().parents[2]


def test_path_helper_finds_bundled_files():
    assert resource_path("schemes", "news.json").is_file()
    assert schema_path("native.schema.json").is_file()
    assert schema_path("scheme.schema.json").is_file()


def test_wheel_contains_resources_and_schemas(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in (ROOT / "schemas").glob("*.json"):
        assert f"annotator/schemas/{f.name}" in names
    for f in (ROOT / "resources").rglob("*"):
        if f.is_file() and "__pycache__" not in f.parts:
            assert "annotator/resources/" + f.relative_to(ROOT / "resources").as_posix() in names
    for f in (ROOT / "annotator").rglob("*.py"):
        assert f.relative_to(ROOT).as_posix() in names, f"{f} is missing from the wheel"
    entry = [n for n in names if n.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry[0]).decode()
    assert "annotator = annotator.cli:main" in text and "annotator-gui = annotator.cli:gui_main" in text
