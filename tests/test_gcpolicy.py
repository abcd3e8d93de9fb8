"""The collector policy for bulk work: set while a block runs, restored when the last one ends."""
from __future__ import annotations

import gc
import threading

from kgraph.gcpolicy import BULK_THRESHOLDS, bulk_gc


def test_bulk_gc_sets_the_policy_and_restores_the_previous_one():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        with bulk_gc():
            assert gc.get_threshold() == BULK_THRESHOLDS and gc.get_freeze_count() > 0
        assert gc.get_threshold() == (700, 10, 10) and gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)


def test_overlapping_blocks_of_two_threads_restore_the_policy_only_when_the_last_ends():
    """A Dask worker with two threads runs two partitions at once: the first to end must not undo
    the policy under the other, nor the second restore the policy the first one set."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    first_in, first_out, second_in = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, tuple[int, int, int]] = {}

    def first() -> None:
        with bulk_gc():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with bulk_gc():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.get_threshold()

    try:
        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert seen == {"after the first ended": BULK_THRESHOLDS}
        assert gc.get_threshold() == (700, 10, 10) and gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
