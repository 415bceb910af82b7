"""`annotator selftest`: proves an installation (or a frozen build) is whole.

Runs offscreen in a temporary folder: every bundled file is found and loads, the sample
project is made and opened in the real window, a document is rendered with Arabic glyphs,
the Arabic translation loads, and a span is written to a fresh project and read back after
reopening, and export worker processes start and write what one process writes. Any
missing module or file fails it with a one-line reason and exit code 1.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from annotator.core.errors import AnnotatorError


def register(sub) -> None:
    p = sub.add_parser("selftest", help="check that this installation works (offscreen, in a temporary folder)",
                       description="Check bundled files, the sample project, the window, the Arabic translation "
                       "and a span written and read back. Exits 0 when all pass.")
    p.add_argument("--screenshot", help="also save the rendered window to this PNG file")
    p.set_defaults(run=run)


class Step:
    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        print(f"  {self.name} ... ", end="", flush=True)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            print("ok", flush=True)
            return False
        print("FAILED", flush=True)
        if isinstance(exc, (AnnotatorError, AssertionError, ImportError, OSError, ValueError)):
            raise AnnotatorError(f"selftest: {self.name}: {type(exc).__name__}: {exc}") from None
        return False


def _check_files() -> None:
    from annotator.core.paths import resource_path, schema_path

    for name in ("scheme.schema.json", "native.schema.json"):
        json.loads(schema_path(name).read_text(encoding="utf-8"))
    json.loads(resource_path("schemes", "news.json").read_text(encoding="utf-8"))
    for rel in (("sample", "sample.jsonl"), ("i18n", "annotator_ar.qm"), ("icons", "annotator.svg")):
        path = resource_path(*rel)
        if not path.is_file() or path.stat().st_size == 0:
            raise FileNotFoundError(f"bundled file missing: {path}")
    import fontpkg_noto_sans_arabic as font

    if not list((font.ROOT / "files").glob("*.ttf")):
        raise FileNotFoundError(f"Arabic font files missing in {font.ROOT}")


def _span_round_trip(folder: Path) -> None:
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    text = "قالَ المتحدث 😀 إن «الجولة انتهت» في 9 كانون الأول/ ديسمبر 2021"
    src = folder / "selftest.txt"
    src.write_text(text, encoding="utf-8")
    path = folder / "selftest.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
        start = text.index("الجولة")
        p.add_span(1, start, start + len("الجولة انتهت"), "QUOTE", "selftest", {"type": "direct"})
    with Project.open(path) as p:
        (span,) = p.spans(1)
        got = p.document(1).text[span.start:span.end]
        if got != "الجولة انتهت":
            raise AssertionError(f"span read back as {got!r}")


def _recommender_round_trip(folder: Path) -> None:
    from annotator.core.importer import import_paths
    from annotator.core.project import Project
    from annotator.core.recommender import load_model
    from annotator.core.recommender.suggest import recommend_project
    from annotator.core.recommender.train import train

    names = ["سالم", "هدى", "كريم", "ليلى", "نادر", "سلمى", "رامي"]
    src = folder / "recommender.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i, name in enumerate(names, 1):
            spans = [{"start": 4, "end": 4 + len(name), "label": "SOURCE"}] if i < len(names) else []
            fh.write(json.dumps({"id": f"d{i}", "text": f"وصل {name} إلى المدينة صباحا.", "spans": spans},
                                ensure_ascii=False) + "\n")
    path = folder / "recommender.annot"
    with Project.create(path) as p:
        import_paths(p, [src], fmt="native", annotator="selftest")
        for i in range(1, len(names)):
            p.set_doc_status(p.document(f"d{i}").num, "selftest", "done")
        train(p, params={"max_iterations": 30})
    with Project.open(path) as p:
        unseen = p.document(f"d{len(names)}").num
        recommend_project(p, load_model(p), "selftest", [unseen], rules=False)
        got = [(s.start, s.rule) for s in p.spans(unseen, "selftest")]
    if (4, "recommender v1") not in got:
        raise AssertionError(f"the recommender suggested {got} in an unseen document")


def _export_workers(folder: Path) -> None:
    """Export workers start (a frozen build runs itself again for each) and write the very
    bytes one process writes."""
    from annotator.core.exporter import export_project
    from annotator.core.formats import pool
    from annotator.core.importer import import_paths
    from annotator.core.native import ExportFilter
    from annotator.core.paths import resource_path
    from annotator.core.project import Project

    path = folder / "workers.annot"
    with Project.create(path) as p:
        import_paths(p, [resource_path("sample", "sample.jsonl")], "native")
    saved = pool.MIN_DOCUMENTS, pool.BATCH, pool.WAIT_FOR_WORKERS, os.environ.get(pool.ENV)
    got = {}
    try:
        # The sample is small: every batch of two documents goes to the two workers.
        pool.MIN_DOCUMENTS, pool.BATCH, pool.WAIT_FOR_WORKERS = 0, 2, 60.0
        for workers in ("1", "2"):
            os.environ[pool.ENV] = workers
            out = folder / f"prodigy-{workers}.jsonl"
            with Project.open(path, readonly=True) as p:
                export_project(p, str(out), "prodigy", ExportFilter(include_suggestions=False, include_rejected=False))
            got[workers] = out.read_bytes(), pool.last_run["worker_batches"]
    finally:
        pool.MIN_DOCUMENTS, pool.BATCH, pool.WAIT_FOR_WORKERS = saved[:3]
        if saved[3] is None:
            os.environ.pop(pool.ENV, None)
        else:
            os.environ[pool.ENV] = saved[3]
    if got["2"][1] == 0:
        raise AssertionError("no batch was encoded by an export worker")
    if got["2"][0] != got["1"][0] or not got["1"][0]:
        raise AssertionError("export workers wrote other bytes than one process")


def run(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="annotator-selftest-"))
    for var, sub in (("ANNOTATOR_SETTINGS_DIR", "settings"), ("ANNOTATOR_DATA_DIR", "data"),
                     ("ANNOTATOR_LOG_DIR", "logs"), ("ANNOTATOR_BACKUP_DIR", "backups")):
        os.environ[var] = str(folder / sub)
    from annotator import __version__

    print(f"annotator {__version__} selftest ({'frozen' if getattr(sys, 'frozen', False) else sys.executable})")
    try:
        with Step("bundled files (schemas, scheme, sample, translation, icon, font)"):
            _check_files()
        with Step("span written, project reopened, span read back"):
            _span_round_trip(folder)
        with Step("recommender trains, is stored, reloaded and suggests (CRFsuite)"):
            _recommender_round_trip(folder)
        with Step("export workers start and write what one process writes"):
            _export_workers(folder)
        with Step("Qt starts offscreen"):
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance() or QApplication(["annotator-selftest"])
        with Step("Arabic font and translation load"):
            from annotator.gui.fonts import ensure_fonts
            from annotator.gui.i18n import Translations

            family = ensure_fonts()
            if not family:
                raise AssertionError("no Arabic font registered")
            translations = Translations()
            loaded = translations.install(app, "ar")
            if not any("annotator_ar" in f for f in loaded):
                raise AssertionError("the Arabic translation did not load")
            translations.install(app, "en")
        with Step("sample project opens in the window and a document renders"):
            _render_sample(app, args.screenshot)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("selftest passed")
    return 0


def _render_sample(app, screenshot: str | None) -> None:
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sample import ensure_sample_project
    from annotator.gui.settings import Settings, open_qsettings
    from annotator.core.project import Project

    settings = Settings(open_qsettings())
    settings.annotator = "selftest"
    project = Project.open(ensure_sample_project())
    window = MainWindow(settings, project)
    try:
        window.resize(1200, 760)
        window.show()
        for _ in range(5):
            app.processEvents()
        view = window.ws.view
        text = view.text()
        if not text or not any("\u0600" <= c <= "\u06ff" for c in text):
            raise AssertionError("the first sample document shows no Arabic text")
        image = view.viewport().grab().toImage()
        # A rendered page has many distinct colours (glyph antialiasing, span highlights).
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        if len(colours) < 20:
            raise AssertionError(f"the text view rendered almost nothing ({len(colours)} colours)")
        if screenshot:
            window.grab().save(screenshot)
    finally:
        window.close()
        if window.project is not None:
            window.project.close()
