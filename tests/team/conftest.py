"""A real PostgreSQL server for the team-project tests: one throwaway cluster per session
(benchmarks/pg_cluster.py), a fresh database per test. The tests are skipped, with the
reason, only when no server can be started here."""

from __future__ import annotations

import pytest

from benchmarks.pg_cluster import Cluster, ClusterUnavailable

_why_not: list[str] = []


@pytest.fixture(scope="session")
def pg_cluster():
    if _why_not:
        pytest.skip(_why_not[0])
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _why_not.append("psycopg is not installed (pip install 'annotator[team]')")
        pytest.skip(_why_not[0])
    try:
        cluster = Cluster()
    except ClusterUnavailable as exc:
        _why_not.append(f"no PostgreSQL server could be started: {exc}")
        pytest.skip(_why_not[0])
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a new, empty database (over the Unix socket, trusted)."""
    return pg_cluster.url(pg_cluster.createdb())
