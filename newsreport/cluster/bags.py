"""The Python API over `dask.bag`: reports read into a bag, a bag of reports written out.

Both work on any Dask scheduler: the default client's cluster if there is one, else the local
scheduler (threads, or `dask.config.set(scheduler="synchronous")`). Writing goes through the
same sinks as a local run, partition by partition in the bag's order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterable, Iterator
from typing import Any

import dask.bag as db
from dask.delayed import delayed
from distributed import Client, default_client

from newsreport import batch
from newsreport.batch import Failure
from newsreport.batch.work import Result
from newsreport.cluster import partitions, scheduling
from newsreport.cluster.outputs import sink_at
from newsreport.cluster.tasks import Converted, Job, encode_reports, read_partition
from newsreport.converters import get_format


def read_bag(urls: Iterable[str], fmt: str | None = None, partition_size: int = partitions.REPORTS) -> db.Bag:
    """A bag of the `NewsReport`s in files, folders, JSON Lines, newsMessages and CSV packages
    (paths or fsspec URLs), one partition per `partition_size` reports (JSON Lines) or files, in
    input order. The inputs are planned now, and read when the bag is computed; a bad input
    raises its `ReadError` then."""
    parts = [
        delayed(read_partition, pure=True)(part, fmt)
        for part in partitions.plan([str(url) for url in urls], fmt, partition_size)
    ]
    bag: db.Bag = db.from_delayed(parts)  # type: ignore[no-untyped-call]
    return bag


def write_bag(
    bag: db.Bag,
    url: str | None,
    fmt: str,
    *,
    excel: bool = False,
    strict: bool = False,
    keep_going: bool = False,
    ninjs_version: str | None = None,
    retries: int = scheduling.RETRIES,
) -> list[Failure]:
    """Write a bag of `NewsReport`s to `url` (a path or URL; None for stdout) in `fmt`, in the
    bag's order, as a local run writes the same reports; partitions are encoded where the bag is
    computed, one per worker thread at a time. Returns the failures skipped (`keep_going`)."""
    target = get_format(fmt)
    version = batch.ninjs_version(target, ninjs_version)
    batch.check_loss(target, strict)
    sink = sink_at(target, url, excel=excel)
    job = Job(sink.encoder, excel=excel, ninjs_version=version)
    try:
        encoded = bag.map_partitions(_encoded_partition, job).to_delayed()  # type: ignore[no-untyped-call]
        with contextlib.closing(_computed(encoded, retries)) as computed:
            return batch.write_results(_results(computed), sink, keep_going, strict)
    except BaseException:
        sink.abandon()  # also for what failed before the first result
        raise


def _encoded_partition(reports: Iterable[Any], job: Job) -> list[Converted]:
    return [encode_reports(job, reports)]


def _computed(parts: list[Any], retries: int) -> Generator[list[Converted], None, None]:
    """Each partition computed in order: on the default client's cluster, a bounded number at
    once; else one after another on the local scheduler."""
    client = _default_client()
    if client is None:
        for part in parts:
            yield part.compute()
        return

    def submit(part: Any) -> Any:
        return client.compute(part, retries=retries)  # type: ignore[no-untyped-call]

    yield from scheduling.in_order(client, submit, parts, scheduling.slots(client))


def _default_client() -> Client | None:
    try:
        client: Client = default_client()  # type: ignore[no-untyped-call]
        return client
    except ValueError:
        return None


def _results(parts: Iterator[list[Converted]]) -> Iterator[Result]:
    for part in parts:
        for converted in part:
            yield from converted.results
