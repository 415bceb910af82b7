"""Encoding documents for the token formats on worker processes, in order, memory flat.

Tokenizing and serializing a document (prodigy, hf-bio) is pure CPU work; on a machine
with a spare core it runs in worker processes while the main process keeps what must stay
there: reading the project (SQLite connections do not cross processes) and writing the
output file. `encode_all` yields each document's bytes (or a batch's) in record order and
appends the encoder's problems to report.problems in that same order, so the output and
the report are byte for byte those of the in-process loop.

- Workers start with the "spawn" method: forking a process that runs Qt (the GUI exports
  too) or holds SQLite connections is unsafe.
- Only for a big export (more than MIN_DOCUMENTS), and hidden: the main process keeps
  encoding until a worker says it is ready.
- Bounded: each worker holds one batch; at most IN_FLIGHT batches per worker are sent and
  not yet written (encoded ones wait for an older one), whatever the export's size.
- In-process when there is one CPU, when ANNOTATOR_EXPORT_WORKERS=1, or in a frozen build
  (its entry point would have to call multiprocessing.freeze_support()).
  ANNOTATOR_EXPORT_WORKERS=N asks for N workers (at most MAX_WORKERS).

An encoder is named "module:function"; function(*args) returns encode(rec, report) -> bytes,
which appends its problems to report.problems. Workers and the main process build it the
same way, so both paths run the very same code.

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
import traceback
import types
from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator

import orjson

ENV = "ANNOTATOR_EXPORT_WORKERS"
MIN_DOCUMENTS = 2000  # smaller exports are encoded in-process
BATCH = 200  # records per batch sent to a worker
IN_FLIGHT = 2  # batches per worker sent and not yet written
MAX_WORKERS = 4  # beyond that the main process (reading, writing) is the limit

_LEN = struct.Struct("<Q")
_WAITALL = getattr(socket, "MSG_WAITALL", 0)
# Message kinds, the first byte of a body.
_READY, _OK, _ERROR, _TASK_JSON, _TASK_PICKLE = b"r", b"o", b"e", b"j", b"p"


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
    if n <= 1 or getattr(sys, "frozen", False):
        return 0
    return min(n, MAX_WORKERS)


def document_count(project) -> int | None:
    """At least the number of documents an export of `project` can hold (cheap: the
    largest row number; deleted documents only make it larger)."""
    try:
        return project.conn.execute("SELECT max(num) FROM documents").fetchone()[0] or 0
    except Exception:  # not a project with a documents table: no hint
        return None


def encode_all(records: Iterable[dict], ref: str, args: tuple, report, expected: int | None = None
               ) -> Iterator[bytes]:
    """Encoded bytes of `records` in order; counts report.documents and extends
    report.problems exactly as encoding them one by one in this process would.

    expected: how many records there may be at most (document_count). Above
    MIN_DOCUMENTS, workers start at once; otherwise only once MIN_DOCUMENTS records have
    been encoded here, so a small export never starts one.
    """
    encode = _resolve(ref, args)
    records = iter(records)
    wanted = workers_wanted()
    if wanted and (expected is None or expected > MIN_DOCUMENTS):
        pool = None
        if expected is None or expected <= MIN_DOCUMENTS:
            for rec in islice(records, MIN_DOCUMENTS):
                yield encode(rec, report)
                report.documents += 1
            if report.documents < MIN_DOCUMENTS:
                return
        try:
            pool = _Pool(wanted, ref, args)
        except Exception:  # no process can be started here: the export does not need one
            pool = None
        if pool is not None:
            with pool:
                yield from pool.run(records, encode, report)
            return
    for rec in records:
        yield encode(rec, report)
        report.documents += 1


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
    def __init__(self, ctx, ref: str, args: tuple):
        self.sock, child = socket.socketpair()
        self.process = ctx.Process(target=_worker_main, args=(child, ref, args), name="annotator-export",
                                   daemon=True)
        self.ready = self.failed = False
        self.current: _Batch | None = None  # the batch it is encoding
        try:
            _start_without_main(self.process)
        finally:
            child.close()

    def poll_ready(self) -> bool:
        """Without waiting: has the worker started (and not failed since)?"""
        if not self.ready and not self.failed and select.select([self.sock], [], [], 0)[0]:
            try:
                self._answer()
                self.ready = True
            except Exception:
                self.failed = True
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
            _send(self.sock, *_task(entry.batch))
        except OSError:
            self.failed = True
            entry.encode_here(encode)
            return
        self.current = entry

    def take(self, encode) -> None:
        """The result of the batch this worker has (encoded here if the worker failed)."""
        entry, self.current = self.current, None
        try:
            body = self._answer()
            n = _LEN.unpack(body[: _LEN.size])[0]
            entry.problems = orjson.loads(body[_LEN.size: _LEN.size + n])
            entry.data = body[_LEN.size + n:]
            entry.batch = None
        except Exception:
            self.failed = True
            entry.encode_here(encode)


class _Batch:
    __slots__ = ("batch", "n", "data", "problems")

    def __init__(self, batch: list[dict]):
        self.batch: list[dict] | None = batch
        self.n = len(batch)
        self.data = None
        self.problems: list[str] = []

    @property
    def done(self) -> bool:
        return self.data is not None

    def encode_here(self, encode) -> None:
        sink = _Problems()
        self.data = b"".join([encode(rec, sink) for rec in self.batch])
        self.problems = sink.problems
        self.batch = None


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
    def __init__(self, n: int, ref: str, args: tuple):
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        try:
            for _ in range(n):
                self.workers.append(_Worker(ctx, ref, args))
        except BaseException:
            self._stop(kill=True)
            raise

    def run(self, records: Iterator[dict], encode, report) -> Iterator[bytes]:
        # Each worker has one batch at a time; results are taken as they come (select)
        # and written in record order. Bounded: at most IN_FLIGHT batches per worker sent
        # and not yet written. A batch is encoded here while no worker is ready yet, or
        # again here when its worker failed: the very same code, so a dying worker costs
        # time, never a byte of the output; an error of the encoder itself is raised
        # here, as without workers.
        pending: deque[_Batch] = deque()
        limit = IN_FLIGHT * len(self.workers)
        for batch in iter(lambda: list(islice(records, BATCH)), []):
            ready = [w for w in self.workers if w.poll_ready()]
            entry = _Batch(batch)
            if ready:
                while len(pending) >= limit or not any(w.current is None for w in ready):
                    if pending[0].done:
                        yield self._written(pending.popleft(), report)
                    else:
                        self._wait(encode)
                    ready = [w for w in self.workers if w.poll_ready()]
                    if not ready:
                        break
            idle = [w for w in ready if w.current is None]
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

    def _wait(self, encode) -> None:
        """Take at least one result (whichever worker is first)."""
        busy = {w.sock: w for w in self.workers if w.current is not None}
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
                if kill or not w.ready:
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
def _worker_main(sock: socket.socket, ref: str, args: tuple) -> None:
    try:
        encode = _resolve(ref, args)
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
        if not body or body[:1] not in (_TASK_JSON, _TASK_PICKLE):
            return
        sink = _Problems()
        try:
            batch = orjson.loads(memoryview(body)[1:]) if body[:1] == _TASK_JSON else pickle.loads(body[1:])
            del body
            out = b"".join([encode(rec, sink) for rec in batch])
            problems = orjson.dumps(sink.problems)
        except BaseException as exc:
            _send_error(sock, exc)
            return
        sock.sendall(_LEN.pack(1 + _LEN.size + len(problems) + len(out)) + _OK + _LEN.pack(len(problems)) + problems)
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
