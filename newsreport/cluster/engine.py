"""Converting many reports on a Dask cluster: the local batch's units, converters and sinks,
with the conversion on the cluster's workers, a partition at a time each.

The client plans partitions (`partitions`), keeps one running per worker thread (`scheduling`),
and writes their results, in input order, through the sink a local run would use (`outputs`):
so the output is the bytes a local `--jobs 1` run writes, and a failure stops the run (or is
skipped) as it would locally.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from distributed import Client, Future

from newsreport import batch
from newsreport.batch import Drafting, Failure, Result
from newsreport.cluster import locations, partitions, scheduling
from newsreport.cluster.outputs import sink_at
from newsreport.cluster.tasks import Converted, Job, convert_partition
from newsreport.converters import get_format
from newsreport.errors import UsageError


def convert_on_cluster(
    inputs: Iterable[str],
    output: str | None,
    to: str,
    *,
    cluster: str | Client = "local",
    from_: str | None = None,
    workers: int | None = None,
    partition_size: int = partitions.REPORTS,
    retries: int = scheduling.RETRIES,
    keep_going: bool = False,
    excel: bool = False,
    strict: bool = False,
    drafting: Drafting | None = None,
    ninjs_version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> list[Failure]:
    """Convert files, folders, JSON Lines, newsMessages and CSV packages (paths or fsspec URLs)
    into one output (a path or URL; None for stdout), as `api.convert_many` does, with the work
    on `cluster`: a scheduler's address (`tcp://host:8786`), `"local"` for a `LocalCluster` of
    `workers` processes, or a `distributed.Client`.

    Partitions hold `partition_size` reports; a partition whose task raised is tried `retries`
    times more. Returns the failures skipped (`keep_going`); otherwise the first failure stops
    the run with a `ReadError` and no output.
    """
    fmt = get_format(to)
    version = batch.ninjs_version(fmt, ninjs_version)
    batch.check_loss(fmt, strict)
    names = [str(name) for name in inputs]
    _check_inputs(names)
    if partition_size < 1:
        raise UsageError("a partition holds 1 report or more")
    sink = sink_at(fmt, output, excel=excel, inputs=names)
    job = Job(sink.encoder, from_, excel, drafting or Drafting(), version)
    try:
        with scheduling.client_for(cluster, workers) as client:
            submit = partial(_submit, client, job, retries)
            planned = partitions.plan(names, from_, partition_size)
            with contextlib.closing(scheduling.in_order(client, submit, planned, scheduling.slots(client))) as done:
                return batch.write_results(_results(done), sink, keep_going, strict, progress, stopped)
    except BaseException:
        sink.abandon()  # also for what failed before the first result: a cluster out of reach
        raise


def _check_inputs(names: list[str]) -> None:
    if "-" in names:
        raise UsageError("a cluster's workers cannot read stdin: give files, folders or URLs")
    for name in names:
        if not locations.exists(name):
            raise UsageError(f"{name}: no such file")


def _submit(client: Client, job: Job, retries: int, partition: partitions.Partition) -> Future[Converted]:
    return client.submit(convert_partition, job, partition, retries=retries, pure=False)


def _results(done: Iterator[Converted]) -> Iterator[Result]:
    """Every partition's results in order; the error that stopped a partition's reading, at its place."""
    for converted in done:
        yield from converted.results
        if converted.error is not None:
            raise converted.error
