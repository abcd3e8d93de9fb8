"""Garbage-collector settings for bulk work.

A build allocates millions of small objects (tokens, mentions, evidence
records, graph entries) while holding large long-lived ones (reference data,
the growing graph). CPython's default thresholds then run a full collection
every few hundred thousand allocations, and each one walks everything alive:
build time grows faster than the corpus. Two settings fix that without
turning the collector off (extraction does make some cyclic garbage):

* objects alive when the bulk work starts (reference data, imported modules)
  are frozen: moved out of the collector's generations, never scanned again;
* the youngest generation is collected every 50,000 allocations instead of
  700, and the oldest only rarely.
"""
from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

BULK_THRESHOLDS = (50_000, 20, 100)


def tune_for_bulk() -> None:
    """Settings for a process that does bulk work until it exits (build workers)."""
    gc.freeze()
    gc.set_threshold(*BULK_THRESHOLDS)


class _BulkState:
    """How many :func:`bulk_gc` blocks of this process are running, and the thresholds before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.thresholds: tuple[int, int, int] = gc.get_threshold()


_BULK = _BulkState()


@contextlib.contextmanager
def bulk_gc() -> Iterator[None]:
    """:func:`tune_for_bulk` for the duration of a block; the previous settings are restored
    when the last such block of the process ends. Blocks may overlap in several threads (a Dask
    worker with more than one thread runs several partitions at once): the first one in sets
    the policy, the last one out restores it."""
    with _BULK.lock:
        if _BULK.depth == 0:
            _BULK.thresholds = gc.get_threshold()
            tune_for_bulk()
        _BULK.depth += 1
    try:
        yield
    finally:
        with _BULK.lock:
            _BULK.depth -= 1
            if _BULK.depth == 0:
                gc.set_threshold(*_BULK.thresholds)
                gc.unfreeze()


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic collector while streaming: writers allocate millions of short-lived
    tuples and strings, none in cycles, and each collection would walk the whole graph."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def release_free_memory() -> None:
    """Give the C allocator's free pages back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). A stage that freed a lot (the Oxigraph load frees hundreds of megabytes) would
    otherwise leave them counted in the process's memory for every later stage."""
    import ctypes
    import sys
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        pass
