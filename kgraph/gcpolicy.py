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
from collections.abc import Iterator

BULK_THRESHOLDS = (50_000, 20, 100)


def tune_for_bulk() -> None:
    """Settings for a process that does bulk work until it exits (build workers)."""
    gc.freeze()
    gc.set_threshold(*BULK_THRESHOLDS)


@contextlib.contextmanager
def bulk_gc() -> Iterator[None]:
    """:func:`tune_for_bulk` for the duration of a block; the previous settings are restored after."""
    old = gc.get_threshold()
    tune_for_bulk()
    try:
        yield
    finally:
        gc.set_threshold(*old)
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
