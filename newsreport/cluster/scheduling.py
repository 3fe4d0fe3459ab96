"""Where a run's partitions run: a Dask client (to a scheduler's address, or to a `LocalCluster`
started for the run), and the bounded, ordered stream of their results."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any, TypeVar

import dask
from distributed import Client, Future, LocalCluster, as_completed

from newsreport.errors import NewsReportError, UsageError

T = TypeVar("T")

RETRIES = 2
"""How often a partition whose task raised (a store that failed a read) is tried again; a
partition whose worker died is moved to another worker by the scheduler, up to its
`distributed.scheduler.allowed-failures`."""


@contextlib.contextmanager
def client_for(cluster: str | Client, workers: int | None = None) -> Iterator[Client]:
    """A client of `cluster`: a `Client` as it is, `"local"` for a `LocalCluster` of `workers`
    processes (default: one per core) that lives as long as the run, else a scheduler's address."""
    if workers is not None and cluster != "local":
        raise UsageError("the number of workers is for a local cluster; a scheduler's cluster has its own")
    if isinstance(cluster, Client):
        yield cluster
        return
    if cluster == "local":
        with (
            local_cluster(workers or os.cpu_count() or 1) as local,
            Client(local, set_as_default=False) as client,  # type: ignore[no-untyped-call]
        ):
            try:
                yield client
            finally:
                client.run(_quiet_unless_in, os.getpid(), on_error="ignore")
        return
    if "://" not in cluster:
        raise UsageError(f"--cluster {cluster!r}: give a scheduler's address (tcp://host:8786) or local")
    try:
        client = Client(cluster, timeout="30s", set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise UsageError(f"--cluster {cluster}: cannot reach the scheduler ({exc})") from None
    with client:
        yield client


@contextlib.contextmanager
def local_cluster(workers: int, processes: bool = True, threads: int = 1) -> Iterator[LocalCluster]:
    """A `LocalCluster` of `workers` processes (or threads) on this machine only (127.0.0.1, free
    ports), quiet, whose workers take a task only when a thread is free (no worker queues a
    second partition) and sample no profile (there is no dashboard to show it)."""
    config = {"distributed.scheduler.worker-saturation": 1.0, "distributed.worker.profile.enabled": False}
    with (
        dask.config.set(config),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=threads,
            processes=processes,
            host="127.0.0.1" if processes else None,  # threads talk in-process, through no socket
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
    ):
        yield cluster


def _quiet_unless_in(pid: int) -> None:
    """Silence every log of this worker process, unless it is process `pid` (a worker on a thread
    of the caller's own process, whose logs are the caller's).

    A local cluster's worker processes write their logs to the terminal of the run. Once the run is
    over, closing them can race a worker's heartbeat against the scheduler's shutdown, and the
    worker then logs a traceback as an ERROR (dask/distributed#7105) after a run that succeeded.
    Whatever the run's failures were, they have reached the client as exceptions by then."""
    if os.getpid() != pid:
        logging.disable(logging.CRITICAL)


def slots(client: Client) -> int:
    """Partitions to have running at once: one per worker thread, so no worker holds two."""
    return max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]


def in_order(
    client: Client, submit: Callable[[T], Future[Any]], items: Iterable[T], running: int
) -> Generator[Any, None, None]:
    """The result of `submit(item)` for every item, in the items' order, with at most `running`
    tasks on the cluster and at most as many finished results waiting here for an earlier one.

    A slot is freed only when its result has been fetched here, so no worker holds two partitions:
    a finished one waits on its worker only until this loop fetches it, and the worker gets no
    other meanwhile. A task that fails for good (it raised `RETRIES + 1` times, or killed its
    worker too often) stops the run; the tasks still running are cancelled.
    """
    pending = iter(items)
    waiting = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]
    numbers: dict[object, int] = {}
    done: dict[int, Any] = {}
    submitted = written = 0

    def fill() -> None:
        nonlocal submitted
        while len(numbers) < running and len(numbers) + len(done) < 2 * running:
            item = next(pending, None)
            if item is None:
                return
            future = submit(item)
            numbers[future.key] = submitted
            submitted += 1
            waiting.add(future)  # type: ignore[no-untyped-call]

    try:
        while True:
            fill()
            if not numbers and not done:
                return
            if numbers:
                future = next(waiting)
                number = numbers.pop(future.key)
                done[number] = _result(future, number)
                future.release()
                fill()  # the worker gets its next partition before the results are written here
            while written in done:
                yield done.pop(written)
                written += 1
    finally:
        client.cancel([f for f in waiting.futures if not f.done()])  # type: ignore[no-untyped-call]


def _result(future: Future[Any], number: int) -> Any:
    try:
        return future.result()
    except NewsReportError:
        raise
    except Exception as exc:
        raise NewsReportError(f"partition {number + 1} failed on the cluster: {type(exc).__name__}: {exc}") from exc
