"""Work spread over worker processes comes back in the order of the calls."""

import os

from wirefacts.parallel import run_all


def test_calls_run_in_other_processes_and_come_back_in_order():
    pids = run_all(os.getpid, [()] * 6, workers=2, min_calls_per_worker=1)
    assert os.getpid() not in pids and len(set(pids)) <= 2
    assert run_all(divmod, [(7, 2), (9, 4), (1, 5)], workers=2, min_calls_per_worker=1) == [
        (3, 1),
        (2, 1),
        (0, 1),
    ]


def test_a_small_batch_stays_in_this_process():
    assert run_all(os.getpid, [()] * 3, workers=2) == [os.getpid()] * 3
    assert run_all(os.getpid, [()] * 3, workers=1, min_calls_per_worker=1) == [os.getpid()] * 3
