"""Encoding documents for the export formats on worker processes, in order, memory flat.

Reading, tokenizing and serializing documents (prodigy, hf-bio, label-studio, brat) is CPU
work; on a machine with more than one core it runs in worker processes. `encode_all`
yields each document's bytes (or a batch's) in record order and appends the encoder's
problems to report.problems in that same order, so the output and the report are byte for
byte those of the in-process loop.

Two ways to hand out work:
- Ranges (the export of a whole project, store.records.ProjectRecords): each worker opens the
  project file read-only itself and reads a range of documents (by row number). The main
  process sends two numbers per batch and writes the results: reading in the main
  process and sending every record to a worker cost as much as a third of the work.
  One state of the file: the main process and every worker each hold one read
  transaction (store.records.Snapshot); a worker is used only if nothing was committed between
  the main process's snapshot and the worker's (store.records.ChangeWatch), otherwise its
  batches are read and encoded here, from the main process's snapshot.
- Records (anything else, e.g. a split's records): the main process reads and sends
  batches of records.

- Workers start with the "spawn" method: forking a process that runs Qt (the GUI exports
  too) or holds SQLite connections is unsafe.
- Only for a big export (more than MIN_DOCUMENTS), and hidden: the main process keeps
  encoding until a worker says it is ready.
- Bounded: a worker is sent one batch of records at a time (two ranges: the next one waits
  in its socket); at most IN_FLIGHT (+1 for ranges) batches per worker are sent and not
  yet written (encoded ones wait for an older one), whatever the export's size.
- In-process when there is one CPU or when ANNOTATOR_EXPORT_WORKERS=1;
  ANNOTATOR_EXPORT_WORKERS=N asks for N workers (at most MAX_WORKERS). A frozen build
  starts its workers by running itself again: annotator/__main__.py calls
  multiprocessing.freeze_support() first thing, which makes that run the worker.

An encoder is named "module:function"; function(*args) returns encode(rec, report) -> bytes,
which appends its problems to report.problems. Workers and the main process build it the
same way, so both paths run the very same code. An encoder with side effects (brat writes
files) may have flush(), called after each batch and at the end (it raises what went wrong),
and close(), called once at the end.

Messages go over a socket pair as <8-byte length><body>, read with one exact-size receive
into one buffer (multiprocessing's Connection reads a big message piece by piece). A worker
gets its next batch only once its result is taken, so it needs no reader thread: with one,
every send waited for the encoding thread's turn at the GIL, and the pool was no faster
than one process.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import socket
import struct
import sys
import time
import traceback
import types
from collections import deque
from functools import partial
from itertools import islice
from typing import Callable, Iterable, Iterator

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.store.records import (ChangeWatch, ProjectRecords, Snapshot, document_nums, iter_records,
                                         max_document_num)

ENV = "ANNOTATOR_EXPORT_WORKERS"
MIN_DOCUMENTS = 2000  # smaller exports are encoded in-process
BATCH = 200  # records per batch sent to a worker
IN_FLIGHT = 2  # batches per worker sent and not yet written
MAX_WORKERS = 4  # beyond that the main process (reading, writing) is the limit
WAIT_FOR_WORKERS = 0.0  # seconds to wait for workers to start before encoding here (selftest)

# What the last encode_all did: workers started, batches they encoded (selftest, benchmarks).
last_run = {"workers": 0, "worker_batches": 0}

_LEN = struct.Struct("<Q")
_HEAD = struct.Struct("<QQ")  # a result: documents encoded, length of the problems
_WAITALL = getattr(socket, "MSG_WAITALL", 0)
# Message kinds, the first byte of a body.
_READY, _OK, _ERROR, _TASK_JSON, _TASK_PICKLE, _TASK_RANGE = b"r", b"o", b"e", b"j", b"p", b"g"
_TASKS = (_TASK_JSON, _TASK_PICKLE, _TASK_RANGE)


class WorkerFailed(RuntimeError):
    """A worker process stopped without an answer (killed, out of memory)."""


class _Problems:
    """What an encoder needs of an ExportReport."""

    __slots__ = ("problems",)

    def __init__(self):
        self.problems: list[str] = []


def _resolve(ref: str, args: tuple) -> Callable:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)(*args)


def workers_wanted() -> int:
    """Worker processes for a big export; 0: encode in-process."""
    env = os.environ.get(ENV, "").strip()
    n = int(env) if env.isdigit() and int(env) >= 1 else os.cpu_count() or 1
    if n <= 1:
        return 0
    return min(n, MAX_WORKERS)


def document_count(project) -> int | None:
    """At least the number of documents an export of `project` can hold (cheap: the
    largest row number; deleted documents only make it larger)."""
    return max_document_num(project)


def encode_all(records: Iterable[dict], ref: str, args: tuple, report, expected: int | None = None
               ) -> Iterator[bytes]:
    """Encoded bytes of `records` in order; counts report.documents and extends
    report.problems exactly as encoding them one by one in this process would.

    expected: how many records there may be at most (document_count). Above
    MIN_DOCUMENTS, workers start at once; otherwise only once MIN_DOCUMENTS records have
    been encoded here, so a small export never starts one.
    """
    encode = _resolve(ref, args)
    last_run.update(workers=0, worker_batches=0)
    try:
        yield from _encode_all(records, encode, ref, args, report, expected)
        _flush(encode)
    finally:
        close = getattr(encode, "close", None)
        if close is not None:
            close()


def _encode_all(records, encode, ref: str, args: tuple, report, expected: int | None) -> Iterator[bytes]:
    wanted = workers_wanted()
    if wanted and expected is not None and expected > MIN_DOCUMENTS and isinstance(records, ProjectRecords):
        source = _RangeSource.open(records)
        if source is not None:
            with source:
                pool = _start_pool(wanted, ref, args, source.spec())
                if pool is None:
                    yield from _here(source.records(None, None), encode, report)
                    return
                with pool:
                    yield from pool.run(source.batches(), encode, report, source.worker_ok)
            return
    records = iter(records)
    if wanted and (expected is None or expected > MIN_DOCUMENTS):
        if expected is None or expected <= MIN_DOCUMENTS:
            yield from _here(islice(records, MIN_DOCUMENTS), encode, report)
            if report.documents < MIN_DOCUMENTS:
                return
        pool = _start_pool(wanted, ref, args, None)
        if pool is not None:
            with pool:
                yield from pool.run(_record_batches(records), encode, report)
            return
    yield from _here(records, encode, report)


def _here(records: Iterable[dict], encode, report) -> Iterator[bytes]:
    for rec in records:
        yield encode(rec, report)
        report.documents += 1


def _flush(encode) -> None:
    flush = getattr(encode, "flush", None)
    if flush is not None:
        flush()


def _start_pool(n: int, ref: str, args: tuple, source) -> "_Pool | None":
    try:
        pool = _Pool(n, ref, args, source)
    except Exception:  # no process can be started here: the export does not need one
        return None
    last_run.update(workers=n, worker_batches=0)
    return pool


def _record_batches(records: Iterator[dict]) -> Iterator["_Batch"]:
    for batch in iter(lambda: list(islice(records, BATCH)), []):
        yield _Batch(_TASK_JSON, batch, batch)


class _RangeSource:
    """A whole project's records, handed out as ranges of document row numbers."""

    def __init__(self, records: ProjectRecords):
        self.path = str(records.project.path)
        self.flt = records.flt
        # The watch first: a commit after it and before a worker's snapshot, mine included,
        # is seen, so "unchanged" means the worker reads the state this snapshot reads.
        self.watch = ChangeWatch(self.path)
        try:
            self.snapshot = Snapshot(self.path)
        except BaseException:
            self.watch.close()
            raise

    @classmethod
    def open(cls, records: ProjectRecords) -> "_RangeSource | None":
        try:
            return cls(records)
        except (AnnotatorError, OSError, ValueError):  # e.g. a file that cannot be opened read-only
            return None

    def spec(self) -> tuple:
        return (self.path, self.flt)

    def worker_ok(self) -> bool:
        return self.watch.unchanged()

    def records(self, lo: int | None, hi: int | None) -> Iterator[dict]:
        return iter_records(self.snapshot, self.flt, lo, hi)

    def batches(self) -> Iterator["_Batch"]:
        # Every BATCH-th row number starts a range; the last range is open-ended.
        lo = None
        for i, num in enumerate(document_nums(self.snapshot)):
            if i % BATCH == 0 and i:
                yield _Batch(_TASK_RANGE, (lo, num), partial(self.records, lo, num))
                lo = num
        yield _Batch(_TASK_RANGE, (lo, None), partial(self.records, lo, None))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.snapshot.close()
        self.watch.close()


# ----- framing -----------------------------------------------------------------------------------
def _send(sock: socket.socket, kind: bytes, body: bytes = b"") -> None:
    sock.sendall(_LEN.pack(len(body) + 1) + kind)
    if body:
        sock.sendall(body)


def _recv_exact(sock: socket.socket, n: int) -> bytearray | None:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:], n - got, _WAITALL)
        if not k:
            return None
        got += k
    return buf


def _recv(sock: socket.socket) -> bytearray | None:
    """A message body (kind byte first), or None at end of stream."""
    head = _recv_exact(sock, _LEN.size)
    if head is None:
        return None
    return _recv_exact(sock, _LEN.unpack(head)[0])


def _task(batch: list[dict]) -> tuple[bytes, bytes]:
    try:
        return _TASK_JSON, orjson.dumps(batch)
    except (TypeError, orjson.JSONEncodeError):  # not from iter_records; kept exact all the same
        return _TASK_PICKLE, pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)


# ----- main process ------------------------------------------------------------------------------
class _Worker:
    def __init__(self, ctx, ref: str, args: tuple, source):
        self.sock, child = socket.socketpair()
        self.process = ctx.Process(target=_worker_main, args=(child, ref, args, source), name="annotator-export",
                                   daemon=True)
        self.ready = self.failed = False
        self.queue: deque[_Batch] = deque()  # sent, result not taken yet (the first is being encoded)
        try:
            _start_without_main(self.process)
        finally:
            child.close()

    def poll_ready(self, accept: Callable[[], bool] | None = None) -> bool:
        """Without waiting: has the worker started (and not failed since)? `accept` is
        asked once, when the worker says it is ready; a worker it refuses is not used."""
        if not self.ready and not self.failed and select.select([self.sock], [], [], 0)[0]:
            try:
                self._answer()
                self.ready = True
            except Exception:
                self.failed = True
            if self.ready and accept is not None and not accept():
                self.failed = True
                self.process.terminate()
        return self.ready and not self.failed

    def _answer(self) -> memoryview:
        try:
            body = _recv(self.sock)
        except OSError:
            body = None
        if body is None:
            raise WorkerFailed(f"export worker {self.process.pid} stopped")
        if body[:1] == _ERROR:
            raise pickle.loads(body[1:])
        return memoryview(body)[1:]

    def send(self, entry: "_Batch", encode) -> None:
        try:
            _send(self.sock, *entry.message())
        except OSError:
            self.failed = True
            entry.encode_here(encode)
            return
        self.queue.append(entry)

    def take(self, encode) -> None:
        """The result of the batch this worker has (encoded here if the worker failed)."""
        entry = self.queue.popleft()
        try:
            body = self._answer()
            count, n = _HEAD.unpack(body[: _HEAD.size])
            entry.problems = orjson.loads(body[_HEAD.size: _HEAD.size + n])
            entry.data = body[_HEAD.size + n:]
            entry.n = count
            entry.done_with_input()
            last_run["worker_batches"] += 1
        except Exception:
            self.failed = True
            entry.encode_here(encode)


class _Batch:
    """One batch of work: sent to a worker as `payload`, or encoded here from `local`
    (the records themselves, or a function reading them)."""

    __slots__ = ("kind", "payload", "local", "n", "data", "problems")

    def __init__(self, kind: bytes, payload, local):
        self.kind = kind
        self.payload = payload
        self.local = local
        self.n = 0
        self.data = None
        self.problems: list[str] = []

    @property
    def done(self) -> bool:
        return self.data is not None

    def message(self) -> tuple[bytes, bytes]:
        if self.kind == _TASK_RANGE:
            return _TASK_RANGE, orjson.dumps(self.payload)
        return _task(self.payload)

    def done_with_input(self) -> None:
        self.payload = self.local = None

    def encode_here(self, encode) -> None:
        sink = _Problems()
        records = self.local() if callable(self.local) else self.local
        parts = [encode(rec, sink) for rec in records]
        _flush(encode)
        self.data = b"".join(parts)
        self.n = len(parts)
        self.problems = sink.problems
        self.done_with_input()


def _start_without_main(process) -> None:
    """process.start() without handing the caller's __main__ to the child.

    spawn runs the parent's main script again in every child (as __mp_main__), and fails
    if the script is not guarded by `if __name__ == "__main__"`; a script that imports and
    then exports would import again in every worker. The workers run only this module on
    plain data, so they get an empty main module. The swap lasts for start() only, which
    is where multiprocessing reads sys.modules["__main__"].
    """
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        process.start()
    finally:
        if saved is None:
            del sys.modules["__main__"]
        else:
            sys.modules["__main__"] = saved


class _Pool:
    def __init__(self, n: int, ref: str, args: tuple, source):
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        try:
            for _ in range(n):
                self.workers.append(_Worker(ctx, ref, args, source))
        except BaseException:
            self._stop(kill=True)
            raise

    def run(self, batches: Iterator["_Batch"], encode, report, accept: Callable[[], bool] | None = None
            ) -> Iterator[bytes]:
        # Results are taken as they come (select) and written in record order. Bounded:
        # at most `limit` batches sent and not yet written. A batch is encoded here while
        # no worker is ready yet, or again here when its worker failed: the very same
        # code, so a dying worker costs time, never a byte of the output; an error of the
        # encoder itself is raised here, as without workers.
        pending: deque[_Batch] = deque()
        limit = IN_FLIGHT * len(self.workers)
        self._wait_ready(WAIT_FOR_WORKERS, accept)
        depth = 1
        for entry in batches:
            if entry.kind == _TASK_RANGE:
                # A range is a few bytes: a second one waits in the worker's socket, so it
                # goes on at once after sending a result instead of waiting for my turn.
                depth = 2
                limit = (IN_FLIGHT + 1) * len(self.workers)
            ready = [w for w in self.workers if w.poll_ready(accept)]
            if ready:
                while len(pending) >= limit or not any(len(w.queue) < depth for w in ready):
                    if pending[0].done:
                        yield self._written(pending.popleft(), report)
                    else:
                        self._wait(encode)
                    ready = [w for w in self.workers if w.poll_ready(accept)]
                    if not ready:
                        break
            idle = [w for w in ready if len(w.queue) < depth]
            if idle:
                idle[0].send(entry, encode)
            else:
                entry.encode_here(encode)
            pending.append(entry)
            while pending and pending[0].done:
                yield self._written(pending.popleft(), report)
        while pending:
            while not pending[0].done:
                self._wait(encode)
            yield self._written(pending.popleft(), report)

    def _wait_ready(self, seconds: float, accept: Callable[[], bool] | None) -> None:
        """Wait up to `seconds` for every worker to start (or fail)."""
        deadline = time.monotonic() + seconds
        while True:
            waiting = [w for w in self.workers if not w.ready and not w.failed]
            left = deadline - time.monotonic()
            if not waiting or left <= 0:
                return
            select.select([w.sock for w in waiting], [], [], left)
            for w in waiting:
                w.poll_ready(accept)

    def _wait(self, encode) -> None:
        """Take at least one result (whichever worker is first)."""
        busy = {w.sock: w for w in self.workers if w.queue}
        for sock in select.select(list(busy), [], [])[0]:
            busy[sock].take(encode)

    @staticmethod
    def _written(entry: "_Batch", report):
        report.problems.extend(entry.problems)
        report.documents += entry.n
        return entry.data

    def _stop(self, kill: bool) -> None:
        for w in self.workers:
            try:
                if kill or not w.ready or w.failed:
                    w.process.terminate()
                else:
                    w.sock.shutdown(socket.SHUT_WR)  # end of tasks: the worker returns
            except OSError:
                pass
        for w in self.workers:
            w.process.join(5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self._stop(kill=exc_type is not None)


# ----- worker process ----------------------------------------------------------------------------
def _worker_main(sock: socket.socket, ref: str, args: tuple, source) -> None:
    try:
        encode = _resolve(ref, args)
        snapshot = flt = None
        if source is not None:
            path, flt = source
            snapshot = Snapshot(path)  # before "ready": the main process checks it is its state
    except BaseException as exc:
        _send_error(sock, exc)
        return
    _send(sock, _READY)
    # One task at a time: the main process sends the next one only after taking this one's
    # result, so neither side can block the other.
    while True:
        try:
            body = _recv(sock)
        except OSError:
            return
        if not body or body[:1] not in _TASKS:
            return
        sink = _Problems()
        try:
            kind, view = body[:1], memoryview(body)[1:]
            if kind == _TASK_RANGE:
                lo, hi = orjson.loads(view)
                records = iter_records(snapshot, flt, lo, hi)
            else:
                records = orjson.loads(view) if kind == _TASK_JSON else pickle.loads(view)
            del body, view
            parts = [encode(rec, sink) for rec in records]
            _flush(encode)
            count = len(parts)
            out = b"".join(parts)
            del parts
            problems = orjson.dumps(sink.problems)
        except BaseException as exc:
            _send_error(sock, exc)
            return
        sock.sendall(_LEN.pack(1 + _HEAD.size + len(problems) + len(out)) + _OK + _HEAD.pack(count, len(problems))
                     + problems)
        sock.sendall(out)


def _send_error(sock: socket.socket, exc: BaseException) -> None:
    text = "".join(traceback.format_exception(exc))
    try:
        exc.add_note(f"(in export worker {os.getpid()})\n{text}")
        body = pickle.dumps(exc)
        pickle.loads(body)  # some exceptions pickle but cannot be rebuilt
    except Exception:
        body = pickle.dumps(RuntimeError(f"export worker failed:\n{text}"))
    try:
        _send(sock, _ERROR, body)
    except OSError:
        pass
