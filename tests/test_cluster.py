"""Conversion on a Dask cluster of two worker processes: the bytes of a local --jobs 1 run, in
order, whatever the partitions; failures named as locally; a worker killed mid-run changes nothing."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="conversion on a cluster needs the [dask] extra")
pytest.importorskip("fsspec", reason="conversion on a cluster needs the [dask] extra")

from distributed import Client, WorkerPlugin

from benchmarks.archive import varied
from newsreport import ReadError, write
from newsreport.api import convert_many
from newsreport.cluster import convert_on_cluster
from newsreport.cluster.scheduling import local_cluster
from newsreport.errors import LossError, ReadWarning

N = 60
PARTITION = 7  # 9 partitions, the last one short


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The address of a LocalCluster of 2 worker processes of one thread each, for the module."""
    with local_cluster(2) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines archive of N varied reports, with a blank line in it (skipped, but counted)."""
    lines = [write(report, "jsonl") for report in varied(N)]
    lines.insert(10, b"\n")
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by its path relative to `root`."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("to", "name"), [("newsml-g2", "out/"), ("csv", "package"), ("csv", "package.zip"), ("parquet", "tables")]
)
def test_the_bytes_of_a_local_run(cluster: str, archive: Path, tmp_path: Path, to: str, name: str) -> None:
    """A NewsML-G2 folder, a CSV package (folder or zip) and Parquet tables written on the cluster
    from file:// URLs are, byte for byte, what a local --jobs 1 run writes."""
    if to == "parquet":
        pytest.importorskip("pyarrow", reason="the parquet format needs the [parquet] extra")
    (tmp_path / "local").mkdir()
    (tmp_path / "cluster").mkdir()
    convert_many([str(archive)], f"{tmp_path}/local/{name}", to=to, jobs=1)
    failures = convert_on_cluster(
        [archive.as_uri()], (tmp_path / "cluster").as_uri() + "/" + name, to=to, cluster=cluster,
        partition_size=PARTITION,
    )  # fmt: skip
    assert failures == []
    local, remote = tree(tmp_path / "local"), tree(tmp_path / "cluster")
    assert len(local) == N if to == "newsml-g2" else len(local) >= 1
    assert remote == local


def test_a_folder_of_many_formats_in_the_order_a_local_run_reads_it(cluster: str, tmp_path: Path) -> None:
    """A folder of single documents in several formats, a JSON Lines file and a sub-folder is
    read in the local batch's order: the JSON Lines output is the same bytes."""
    reports = list(varied(12))
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for k, (fmt, ext) in enumerate(
        [("json", ".json"), ("jsonld", ".jsonld"), ("newsml-g2", ".xml"), ("ninjs", ".ninjs.json")]
    ):
        (folder / f"b{k}{ext}").write_bytes(write(reports[k], fmt))
        (folder / "sub" / f"a{k}{ext}").write_bytes(write(reports[k + 4], fmt))
    (folder / "c.jsonl").write_bytes(b"".join(write(r, "jsonl") for r in reports[8:]))
    convert_many([str(folder)], str(tmp_path / "local.jsonl"), to="jsonl")
    convert_on_cluster([str(folder)], str(tmp_path / "cluster.jsonl"), to="jsonl", cluster=cluster, partition_size=3)
    assert (tmp_path / "cluster.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()


def _with_bad_line(archive: Path, tmp_path: Path) -> Path:
    lines = archive.read_bytes().splitlines(keepends=True)
    lines[40] = lines[40].replace(b'"speakers":["qalibaf"]', b'"speakers":["nobody"]', 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"".join(lines))
    return bad


def test_a_bad_report_is_named_as_a_local_run_names_it(cluster: str, archive: Path, tmp_path: Path) -> None:
    """The run stops at the bad line with the local run's one-line error (file and line) and
    leaves nothing; with keep_going, the same failures are skipped and the rest written."""
    bad = _with_bad_line(archive, tmp_path)
    with pytest.raises(ReadError) as local:
        convert_many([str(bad)], f"{tmp_path}/local/", to="jsonld")
    with pytest.raises(ReadError) as remote:
        convert_on_cluster([str(bad)], f"{tmp_path}/cluster/", to="jsonld", cluster=cluster, partition_size=PARTITION)
    assert str(remote.value) == str(local.value)
    assert f"{bad}: line 41: " in str(remote.value) and "\n" not in str(remote.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]
    skipped_local = convert_many([str(bad)], f"{tmp_path}/local/", to="jsonld", keep_going=True)
    skipped = convert_on_cluster(
        [str(bad)], f"{tmp_path}/cluster/", to="jsonld", cluster=cluster, partition_size=PARTITION, keep_going=True
    )
    assert skipped == skipped_local and len(skipped) == 1
    assert tree(tmp_path / "cluster") == tree(tmp_path / "local")


def test_a_worker_killed_mid_run_changes_nothing(cluster: str, archive: Path, tmp_path: Path) -> None:
    """A worker process killed while it converts a partition: the scheduler runs the partition
    again elsewhere, and the output is complete and the same bytes as a local run's."""
    marker = tmp_path / "killed"

    class KillOnce(WorkerPlugin):
        """Kill this worker process when it starts its second partition, once in the whole cluster."""

        def __init__(self) -> None:
            self.started = 0

        def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
            if finish != "executing" or "convert_partition" not in str(key):
                return
            self.started += 1
            if self.started == 2:
                try:
                    os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                except FileExistsError:
                    return
                os.kill(os.getpid(), signal.SIGKILL)

    convert_many([str(archive)], f"{tmp_path}/local/", to="newsml-g2")
    with Client(cluster) as client:
        client.register_plugin(KillOnce(), name="kill-once")
        try:
            convert_on_cluster(
                [str(archive)], f"{tmp_path}/cluster/", to="newsml-g2", cluster=client, partition_size=PARTITION
            )
        finally:
            client.unregister_worker_plugin("kill-once")
    assert marker.exists()
    assert tree(tmp_path / "cluster") == tree(tmp_path / "local")


def test_what_a_reader_could_not_map_is_warned_or_refused_as_locally(cluster: str, tmp_path: Path) -> None:
    """A reader's warning on a worker reaches the caller as the local run's ReadWarning; with
    strict, the run is refused with a LossError and leaves nothing."""
    page = Path(__file__).parent / "data" / "web" / "plain-newsarticle.jsonld"
    with pytest.warns(ReadWarning) as local:
        convert_many([str(page)], f"{tmp_path}/local/", to="json")
    with pytest.warns(ReadWarning) as remote:
        convert_on_cluster([str(page)], f"{tmp_path}/cluster/", to="json", cluster=cluster)
    assert [str(w.message) for w in remote] == [str(w.message) for w in local]
    assert "not mapped: article publisher logo" in str(remote[0].message)
    assert tree(tmp_path / "cluster") == tree(tmp_path / "local")
    with pytest.raises(LossError, match="strict mode refuses to drop data"):
        convert_on_cluster([str(page)], f"{tmp_path}/strict/", to="json", cluster=cluster, strict=True)
    assert not (tmp_path / "strict").exists()
