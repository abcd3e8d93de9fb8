"""Reading and extraction as Dask tasks: ``kgraph build --scheduler tcp://HOST:8786`` or ``--dask local``.

The build plans its tasks as always (:func:`kgraph.pipeline._plan`: one per
input file, or per range of lines of a JSON Lines corpus) and cuts them into
partitions of consecutive tasks. Each partition runs on a Dask worker
(:func:`run_partition`: the same reading and extraction as a worker process
of ``--jobs``) and writes a *part file* into a folder of the output that
every worker sees; the build process reads the parts back in partition order
and merges them exactly as it merges the results of its own worker
processes, so the outputs are byte-identical to ``--jobs 1`` and the cache
works as it does there. A part holds, for each task, the documents' parts of
the graph in the cache's checked JSON encoding (every statement with its
document, span, sentence, rule and confidence) and what was skipped and why;
never a pickle, since it is a file in a shared folder.

Workers must run the same kgraph, with the same reference data, as the
build: each part says which (:func:`kgraph.cache.version_key`), and a
mismatch stops the build with a message naming the worker. Paths are sent as
the user gave them, with the build's working folder: a worker opens the
absolute path, and names documents and skipped inputs as the user wrote
them. Inputs and ``--out`` must therefore be on a file system every worker
mounts at the same path (on one machine, any folder).

``dask[distributed]`` is an optional dependency, imported only here and only
when a build asks for it (``pip install "kgraph[dask]"``).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .cache import KnownKeys
from .errors import KgraphError, UsageError
from .procs import children_ignore_ctrl_c

LOCAL = "local"
_MAGIC = b"kgraph-dask-part 1\n"
_FRAME = struct.Struct(">Q")
_PARTS_PREFIX = ".tmp-parts-"  # under OUT/.kgraph: removed by the next build if this one is killed
CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler
_KEPT = "; the previous outputs are left as they were"
MAX_PARTITION_TASKS = 200  # tasks per partition at most: small enough to spread, large enough to be cheap


class ClusterError(KgraphError):
    """The Dask cluster could not be reached, lost a task, or runs another kgraph."""


def _dask() -> Any:
    """``distributed``, or a usage error saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise UsageError("--scheduler and --dask need Dask: pip install \"kgraph[dask]\"") from None
    return distributed


def local_cluster(workers: int) -> Any:
    """The Dask cluster of ``--dask local``: ``workers`` single-threaded worker processes on 127.0.0.1."""
    distributed = _dask()
    import dask

    # the workers' statistical profiler samples the running task's stack every 10 ms, for a
    # dashboard nobody is shown here: off. Ctrl-C is the build's to handle: the workers start
    # ignoring it (asyncio then leaves it so), instead of each printing a traceback as the build stops
    with dask.config.set({"distributed.worker.profile.enabled": False}), children_ignore_ctrl_c():
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address="127.0.0.1:0")


@contextlib.contextmanager
def client_for(scheduler: str, workers: int) -> Iterator[Any]:
    """A Dask client: of the scheduler at ``scheduler`` (``tcp://HOST:8786``), or, for ``local``,
    of a cluster of ``workers`` single-threaded worker processes on 127.0.0.1 started for this build."""
    distributed = _dask()
    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = local_cluster(workers)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({exc}); start one with "
                           "'dask scheduler' and workers with 'dask worker ADDRESS', or build with --dask local"
                           f"{_KEPT}") \
            from None
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def partitions(tasks: list[Any], workers: int) -> list[list[Any]]:
    """Consecutive runs of ``tasks``: about eight per worker (so a slow one is not the last to
    finish) and at most :data:`MAX_PARTITION_TASKS` tasks each."""
    if not tasks:
        return []
    size = max(1, min(MAX_PARTITION_TASKS, -(-len(tasks) // (max(1, workers) * 8))))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


# --- on a worker ------------------------------------------------------------------------------------------


def run_partition(tasks: list[Any], cwd: str, known: KnownKeys, max_bytes: int,
                  max_seconds: float, part: str, version: str) -> dict[str, Any]:
    """Read and extract the tasks of one partition (on a Dask worker) and write their results to
    the part file ``part`` (atomically: a task run again after its worker died writes it whole).
    Returns what the build needs to know without reading it: its path and the worker's version key."""
    from .cache import version_key
    from .gcpolicy import bulk_gc
    from .pipeline import _init_worker, _run_task

    mine = version_key()
    if mine != version:
        return {"part": part, "version": mine}
    _init_worker(known, max_bytes, False, max_seconds)
    tmp = f"{part}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        # the build's collector policy while the partition runs (reference data frozen, few full
        # collections); the worker's own is back after it
        with open(tmp, "wb") as fh, bulk_gc():
            fh.write(_MAGIC)
            _frame(fh, json.dumps({"version": mine, "tasks": len(tasks)}).encode())
            for task in tasks:
                given = task[2]
                opened = given if os.path.isabs(given) else os.path.join(cwd, given)
                result = _run_task((*task[:2], opened, *task[3:]), shown_as=given)
                _write_result(fh, result)
        os.replace(tmp, part)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return {"part": part, "version": mine}


def _frame(fh: Any, data: bytes) -> None:
    fh.write(_FRAME.pack(len(data)))
    fh.write(data)


def _write_result(fh: Any, r: Any) -> None:
    """One task's result: a JSON frame (documents, skips, error, timings), then the encoded part of
    each document that was extracted, in order."""
    from .models import Document

    docs = []
    blobs = []
    for key, doc, blob in r.docs:
        whole = None
        if isinstance(doc, Document):  # known to the cache: sent whole, in case its entry is unusable
            whole = {"id": doc.id, "file_name": doc.file_name, "path": doc.path, "text": doc.text,
                     "format": doc.format, "title": doc.title,
                     "published": doc.published.isoformat() if doc.published else None,
                     "publisher_hint": doc.publisher_hint}
        docs.append([key, doc.id, doc.file_name, doc.path, blob is not None, whole])
        if blob is not None:
            blobs.append(blob)
    meta = {"index": r.index, "docs": docs, "skipped": [[s.path, s.reason] for s in r.skipped],
            "error": [r.error.path, r.error.reason] if r.error is not None else None, "timings": r.timings}
    _frame(fh, json.dumps(meta).encode())  # ASCII: any lone surrogate survives the trip
    for blob in blobs:
        _frame(fh, blob)


# --- in the build process ---------------------------------------------------------------------------------


def read_part(path: Path) -> Iterator[Any]:
    """The task results in a part file, in task order; a damaged file is a :class:`ClusterError`."""
    from .ingest import Skipped
    from .models import Document
    from .pipeline import _Located, _TaskResult

    try:
        with open(path, "rb") as fh:
            if fh.read(len(_MAGIC)) != _MAGIC:
                raise ValueError("not a part file")
            header = json.loads(_read_frame(fh))
            for _ in range(int(header["tasks"])):
                meta = json.loads(_read_frame(fh))
                docs: list[tuple[str, Any, bytes | None]] = []
                for key, doc_id, file_name, doc_path, has_blob, whole in meta["docs"]:
                    if has_blob:
                        docs.append((key, _Located(doc_id, file_name, doc_path), _read_frame(fh)))
                    else:
                        docs.append((key, Document(**whole), None))
                error = Skipped(*meta["error"]) if meta["error"] else None
                yield _TaskResult(int(meta["index"]), docs, [Skipped(p, r) for p, r in meta["skipped"]], error,
                                  {str(k): float(v) for k, v in meta["timings"].items()})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ClusterError(f"{path}: cannot read this part of the build ({exc}); build again") from None


def _read_frame(fh: Any) -> bytes:
    head = fh.read(_FRAME.size)
    if len(head) != _FRAME.size:
        raise ValueError("truncated")
    n = _FRAME.unpack(head)[0]
    data = fh.read(n)
    if len(data) != n:
        raise ValueError("truncated")
    return data


@contextlib.contextmanager
def dask_results(client: Any, tasks: list[Any], state_dir: Path, known: KnownKeys, max_bytes: int,
                 max_seconds: float) -> Iterator[Iterator[Any]]:
    """Task results in task order, computed by the workers of ``client`` partition by partition
    and read back from their part files (in ``state_dir``, removed afterwards, whatever happens).
    A task that fails or loses its worker more often than the scheduler allows stops the build
    with a :class:`ClusterError` naming its inputs."""
    from .cache import version_key

    distributed = _dask()
    folder = state_dir / f"{_PARTS_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    folder = folder.resolve()
    futures: list[Any] = []
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partitions(tasks, workers)
        # one object, scattered whole (8 bytes a cached key): Client.scatter sends each member of a
        # collection on its own, and a collection of futures reaches the tasks unresolved
        shared = client.scatter([known], broadcast=True)[0] if known else KnownKeys()
        version, cwd, tag = version_key(), os.getcwd(), uuid.uuid4().hex[:12]
        for i, part in enumerate(parts):
            futures.append(client.submit(run_partition, part, cwd, shared, max_bytes, max_seconds,
                                         str(folder / f"part-{i:06d}"), version, key=f"kgraph-part-{tag}-{i:06d}",
                                         pure=False, priority=-i))

        def results() -> Iterator[Any]:
            for part, future in zip(parts, futures, strict=True):
                try:
                    done = future.result()
                except distributed.KilledWorker as exc:
                    raise ClusterError(f"Dask workers died while reading {_inputs(part)}, more often than the "
                                       f"scheduler allows ({exc}); the build stopped{_KEPT}") from None
                except OSError as exc:
                    if exc.filename and str(exc.filename).startswith(str(folder)):
                        raise ClusterError(f"a Dask worker cannot write {exc.filename} ({exc.strerror}): --out "
                                           f"must be on a file system every worker mounts at the same path{_KEPT}") \
                            from None
                    raise ClusterError(f"the Dask cluster lost the work on {_inputs(part)} ({exc}); the build "
                                       f"stopped{_KEPT}") from None
                except TimeoutError as exc:
                    raise ClusterError(f"the Dask cluster did not answer about {_inputs(part)} ({exc}); the "
                                       f"build stopped{_KEPT}") from None
                except KgraphError:
                    raise
                except Exception as exc:
                    raise ClusterError(f"a Dask worker failed on {_inputs(part)}: {type(exc).__name__}: {exc}"
                                       f"{_KEPT}") from None
                if done["version"] != version:
                    raise ClusterError(f"a Dask worker runs another kgraph or other reference data than this "
                                       f"build (version key {done['version']}, here {version}): install the "
                                       f"same kgraph on every worker{_KEPT}")
                path = Path(done["part"])
                yield from read_part(path)
                with contextlib.suppress(OSError):
                    path.unlink()
                future.release()

        yield results()
    finally:
        for f in futures:
            with contextlib.suppress(Exception):
                f.cancel()
        shutil.rmtree(folder, ignore_errors=True)


def _inputs(part: list[Any]) -> str:
    first, last = part[0][2], part[-1][2]
    return first if first == last else f"{first} ... {last} ({len(part)} inputs)"
