"""A PostgreSQL project from the command line and the window, and its password nowhere:
not in output, errors, logs, settings or the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.project import Project

DOCS = {"a.txt": "قال المتحدث إن «الاجتماع عُقد أمس»\n", "b.txt": "وفقرة عربية ثانية عن الطريق."}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_cli_commands_take_a_url(tmp_path, docs, pg_url):
    assert run("new", pg_url).returncode == 0
    out = run("import", pg_url, docs)
    assert out.returncode == 0 and "imported 2 documents" in out.stdout, out.stderr
    again = run("import", pg_url, docs / "a.txt")
    assert "skipped 1 duplicate" in again.stdout
    exp = tmp_path / "out.jsonl"
    assert run("export", pg_url, "-o", exp).returncode == 0
    recs = [json.loads(line) for line in exp.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", "b"]
    assert run("validate", exp).returncode == 0
    stats = json.loads(run("stats", pg_url, "--json").stdout)
    assert stats["documents"] == 2
    # The same export as a file project given the same input.
    lite = tmp_path / "w.annot"
    run("new", lite)
    run("import", lite, docs)
    exp2 = tmp_path / "lite.jsonl"
    run("export", lite, "-o", exp2)
    strip = [{k: v for k, v in r.items()} for r in recs]
    assert strip == [json.loads(line) for line in exp2.read_text(encoding="utf-8").splitlines()]


def test_cli_errors_are_one_line(pg_cluster, pg_url):
    out = run("stats", pg_url)
    assert out.returncode == 1 and "not an annotator project" in out.stderr and "Traceback" not in out.stderr
    out = run("stats", pg_cluster.url("missing_db"))
    assert out.returncode == 1 and "cannot connect" in out.stderr and "Traceback" not in out.stderr


def test_password_never_shown_logged_or_stored(tmp_path, docs, pg_cluster, qtbot):
    db = pg_cluster.createdb()
    secret = pg_cluster.password
    url = pg_cluster.url(db, tcp=True).replace("postgres@", f"postgres:{secret}@")
    logs, settings_dir = tmp_path / "logs", tmp_path / "settings"
    env = {"ANNOTATOR_LOG_DIR": str(logs), "ANNOTATOR_SETTINGS_DIR": str(settings_dir)}
    outputs = [run("new", url, env=env), run("import", url, docs, env=env), run("stats", url, env=env),
               run("export", url, "-o", tmp_path / "x.jsonl", env=env)]
    assert all(o.returncode == 0 for o in outputs), [o.stderr for o in outputs]
    assert "postgres@127.0.0.1" in outputs[0].stdout
    wrong = run("stats", url.replace(secret, secret[::-1]), env=env)
    assert wrong.returncode == 1 and "password authentication failed" in wrong.stderr
    assert secret[::-1] not in wrong.stderr
    # The window: title, status bar, recent files.
    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings, open_qsettings

    os.environ["ANNOTATOR_LOG_DIR"] = str(logs)
    s = Settings(open_qsettings(settings_dir))
    s.annotator = "mona"
    w = MainWindow(s, Project.open(url))
    qtbot.addWidget(w)
    w.show()
    assert w.project.document_count() == 2
    assert s.recent[0] == f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{db}"
    shown = [w.windowTitle(), w.st_path.text(), w.st_path.toolTip()]
    w.close()
    s.q.sync()
    with Project.open(url) as p:  # the project's own rows
        stored = json.dumps([list(r) for t in ("meta", "merged_layers", "assignments")
                             for r in p.conn.execute(f"SELECT * FROM {t}").fetchall()], ensure_ascii=False)
    texts = [o.stdout + o.stderr for o in outputs] + shown + [stored]
    texts += [f.read_text(errors="replace") for d in (logs, settings_dir) if d.exists()
              for f in Path(d).rglob("*") if f.is_file()]
    assert texts and not [t for t in texts if secret in t]


def test_pgpass_and_environment_supply_the_password(tmp_path, pg_cluster):
    db = pg_cluster.createdb()
    url = pg_cluster.url(db, tcp=True)  # no password in it
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_cluster.port}:*:postgres:{pg_cluster.password}\n")
    passfile.chmod(0o600)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    out = subprocess.run([sys.executable, "-m", "annotator", "new", url], capture_output=True, text=True,
                         timeout=120, env={**clean, "PGPASSFILE": str(passfile)})
    assert out.returncode == 0, out.stderr
    out = subprocess.run([sys.executable, "-m", "annotator", "stats", url], capture_output=True, text=True,
                         timeout=120, env={**clean, "PGPASSWORD": pg_cluster.password})
    assert out.returncode == 0 and "documents" in out.stdout.lower(), out.stderr
    out = subprocess.run([sys.executable, "-m", "annotator", "stats", url], capture_output=True, text=True,
                         timeout=120, env={**clean, "PGPASSFILE": str(tmp_path / "none")})
    assert out.returncode == 1 and "cannot connect" in out.stderr


def test_window_opens_a_url_project_and_edits_go_to_the_server(tmp_path, pg_url, qtbot, monkeypatch):
    from annotator.core.importer import import_paths
    from annotator.gui.main_window import MainWindow, open_project_interactively
    from annotator.gui.settings import Settings, open_qsettings

    with Project.create(pg_url) as p:
        (tmp_path / "a.txt").write_text(DOCS["a.txt"], encoding="utf-8")
        import_paths(p, [tmp_path / "a.txt"])
    monkeypatch.setenv("ANNOTATOR_SETTINGS_DIR", str(tmp_path / "s"))
    s = Settings(open_qsettings(tmp_path / "s"))
    s.annotator = "mona"
    project = open_project_interactively(None, pg_url)
    assert project.is_server and not project.checks_pending
    w = MainWindow(s, project)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert not w.backups.a_restore.isEnabled()  # no file, no file backups
    doc = w.project.document_nums()[0]
    w.ws.view.select_cp(0, 3)  # "قال"
    assert w.ws.controller.apply_label("CUE")  # the user's action: one committed edit
    assert w.ws.undo.canUndo()
    w.grab().save(str(tmp_path / "window.png"))
    w.close()
    with Project.open(pg_url, readonly=True) as p:
        assert [(s.start, s.end, s.label, s.annotator) for s in p.spans(doc)] == [(0, 3, "CUE", "mona")]
