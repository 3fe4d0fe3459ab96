"""The Dask bag API over fsspec's `memory://` store (a stand-in for object storage), on the
in-process schedulers; the one-line error without the [dask] extra; runs a cluster refuses."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

pytest.importorskip("distributed", reason="conversion on a cluster needs the [dask] extra")
fsspec = pytest.importorskip("fsspec", reason="conversion on a cluster needs the [dask] extra")

import dask  # noqa: E402
from distributed import Client  # noqa: E402
from fsspec.implementations.memory import MemoryFileSystem  # noqa: E402

from benchmarks.archive import varied  # noqa: E402
from newsreport import NewsReport, ReadError, UsageError, write  # noqa: E402
from newsreport.api import convert_many  # noqa: E402
from newsreport.cluster import convert_on_cluster, read_bag, write_bag  # noqa: E402
from newsreport.cluster.scheduling import local_cluster  # noqa: E402
from newsreport.errors import NewsReportError  # noqa: E402

N = 23


@pytest.fixture
def memory() -> Iterator[object]:
    """fsspec's in-memory file system, emptied after each test."""
    fs = fsspec.filesystem("memory")
    yield fs
    fs.rm("/", recursive=True)


@pytest.fixture(scope="module")
def reports() -> list[NewsReport]:
    return list(varied(N))


@pytest.fixture
def stored(memory: object, reports: list[NewsReport]) -> str:
    """An archive of the reports as JSON Lines in the memory store."""
    with fsspec.open("memory://in/archive.jsonl", "wb") as file:
        file.write(b"".join(write(report, "jsonl") for report in reports))
    return "memory://in/archive.jsonl"


def files_in(fs: object, root: str) -> dict[str, bytes]:
    """Every file under `root` in an fsspec file system, by its path relative to `root`."""
    return {path.removeprefix(root): fs.cat_file(path) for path in sorted(fs.find(root))}  # type: ignore[attr-defined]


def tree(root: Path) -> dict[str, bytes]:
    return {"/" + str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_read_bag_gives_the_reports_in_order(stored: str, reports: list[NewsReport]) -> None:
    """A bag read from memory:// in partitions of 5 holds the archive's reports, in order."""
    bag = read_bag([stored], partition_size=5)
    assert bag.npartitions == 5
    with dask.config.set(scheduler="synchronous"):
        assert bag.compute() == reports


@pytest.mark.parametrize(("to", "name"), [("newsml-g2", "out/"), ("csv", "out.zip"), ("jsonl", "out.jsonl")])
def test_write_bag_writes_what_a_local_run_writes(
    stored: str, memory: object, tmp_path: Path, to: str, name: str
) -> None:
    """A bag written to memory:// (threads) is, file for file, what a local --jobs 1 run writes;
    nothing else is left in the store."""
    local = tmp_path / "in.jsonl"
    local.write_bytes(fsspec.open(stored, "rb").open().read())
    convert_many([str(local)], f"{tmp_path}/{name}", to=to)
    bag = read_bag([stored], partition_size=4).filter(lambda report: True)
    with dask.config.set(scheduler="threads"):
        assert write_bag(bag, f"memory://done/{name}", to) == []
    expected = tree(tmp_path / name) if to == "newsml-g2" else {"": (tmp_path / name).read_bytes()}
    assert len(expected) == (N if to == "newsml-g2" else 1)
    assert files_in(memory, f"/done/{name}".rstrip("/")) == expected
    assert [path for path in memory.find("/done") if "/." in path] == []  # type: ignore[attr-defined]


def test_write_bag_refuses_a_news_message(stored: str, memory: object) -> None:
    """A bag is not written as one newsMessage (its items are numbered across the whole run),
    and nothing is left behind."""
    with pytest.raises(UsageError, match="newsMessage"):
        write_bag(read_bag([stored]), "memory://done/all.xml", "newsml-g2")
    assert not memory.exists("/done")  # type: ignore[attr-defined]


def test_a_bad_line_in_the_store_is_named(memory: object, reports: list[NewsReport]) -> None:
    """A report that is not valid raises its ReadError from the bag, naming the URL and line."""
    lines = [write(report, "jsonl") for report in reports]
    lines[7] = b'{"id": "urn:x"}\n'
    with fsspec.open("memory://in/bad.jsonl", "wb") as file:
        file.write(b"".join(lines))
    with dask.config.set(scheduler="synchronous"), pytest.raises(ReadError) as error:
        read_bag(["memory://in/bad.jsonl"], partition_size=5).compute()
    assert error.value.source == "memory://in/bad.jsonl"
    assert str(error.value).startswith("memory://in/bad.jsonl: line 8: ")


@pytest.fixture(scope="module")
def threads() -> Iterator[Client]:
    """A client of a cluster of two worker threads in this process, where memory:// is shared."""
    with (
        local_cluster(1, processes=False, threads=2) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def test_convert_on_an_in_process_cluster_between_memory_urls(
    threads: Client, stored: str, memory: object, tmp_path: Path
) -> None:
    """convert_on_cluster from and to memory:// URLs, on a cluster of worker threads (memory://
    lives in one process): the CSV package is the bytes of a local run's."""
    local = tmp_path / "in.jsonl"
    local.write_bytes(fsspec.open(stored, "rb").open().read())
    convert_many([str(local)], f"{tmp_path}/package", to="csv")
    convert_on_cluster([stored], "memory://out/package", to="csv", cluster=threads, partition_size=6)
    with pytest.raises(UsageError, match="exists"):
        convert_on_cluster([stored], "memory://out/package", to="csv", cluster=threads)
    expected = tree(tmp_path / "package")
    assert len(expected) > 1
    assert files_in(memory, "/out/package") == expected


@pytest.mark.parametrize(
    ("inputs", "output", "message"),
    [
        (["-"], "out/", "cannot read stdin"),
        (["memory://nothing.jsonl"], "out/", "no such file"),
        (["memory://in/archive.jsonl"], "out.xml", "newsMessage"),
        (["memory://in/archive.jsonl"], None, "newsMessage"),
        (["nostore://in/archive.jsonl"], "out/", "cannot open this store: Protocol not known"),
    ],
)
def test_runs_a_cluster_refuses(
    stored: str, tmp_path: Path, inputs: list[str], output: str | None, message: str
) -> None:
    """stdin, a missing input, a store fsspec does not know and a newsMessage are refused before
    any cluster is reached."""
    with pytest.raises(UsageError, match=message):
        target = None if output is None else f"{tmp_path}/{output}"
        convert_on_cluster(inputs, target, to="newsml-g2", cluster="tcp://127.0.0.1:1")


def test_without_the_extra_the_error_names_it() -> None:
    """Without distributed installed, importing newsreport.cluster raises one line naming the
    extra, an ImportError and a usage error at once."""
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "from newsreport.errors import UsageError\n"
        "try:\n    import newsreport.cluster\n"
        "except ImportError as error:\n    print(isinstance(error, UsageError), error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout == (
        "True conversion on a cluster needs distributed, which is not installed: pip install 'newsreport[dask]'\n"
    )


class Flaky(MemoryFileSystem):  # type: ignore[misc]
    """memory:// (the same store) whose second read of each file fails, as a store's read can:
    the client's plan opens it first, then a worker's ranged read fails once."""

    protocol = "flaky"
    opened: ClassVar[dict[str, int]] = {}

    @classmethod
    def _strip_protocol(cls, path: str) -> str:
        return str(super()._strip_protocol(path.replace("flaky://", "memory://", 1)))

    def _count(self, path: str) -> None:
        path = self._strip_protocol(path)
        self.opened[path] = self.opened.get(path, 0) + 1
        if self.opened[path] == 2:
            raise ConnectionResetError(f"{path}: the store dropped the connection")

    def _open(self, path: str, *args: Any, **kwargs: Any) -> Any:
        self._count(path)
        return super()._open(path, *args, **kwargs)

    def cat_file(self, path: str, *args: Any, **kwargs: Any) -> Any:
        self._count(path)
        return super().cat_file(path, *args, **kwargs)


def test_a_read_that_fails_once_is_tried_again(threads: Client, stored: str, memory: object, tmp_path: Path) -> None:
    """A partition whose read raised is run again (retries), and the output is whole; with no
    retries the run stops with one line naming the partition, and leaves nothing."""
    fsspec.register_implementation("flaky", Flaky, clobber=True)
    local = tmp_path / "in.jsonl"
    local.write_bytes(fsspec.open(stored, "rb").open().read())
    convert_many([str(local)], f"{tmp_path}/local.jsonl", to="jsonl")
    flaky = "flaky://in/archive.jsonl"
    convert_on_cluster([flaky], f"{tmp_path}/cluster.jsonl", to="jsonl", cluster=threads, partition_size=100)
    assert (tmp_path / "cluster.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    Flaky.opened.clear()
    with pytest.raises(NewsReportError, match=r"^partition 1 failed on the cluster: ConnectionResetError: "):
        convert_on_cluster([flaky], f"{tmp_path}/none.jsonl", to="jsonl", cluster=threads, retries=0)
    assert not (tmp_path / "none.jsonl").exists()


def test_a_folder_in_the_store_is_read_in_the_local_order(memory: object, tmp_path: Path) -> None:
    """A memory:// folder of documents in several formats, a newsMessage and a sub-folder is read
    in the order the local batch reads the same folder on disk: the JSON Lines are the same bytes."""
    reports = list(varied(9))
    files = {
        "b.json": write(reports[0], "json"),
        "a.jsonld": write(reports[1], "jsonld"),
        "sub/c.ninjs.json": write(reports[2], "ninjs"),
        "m.xml": b"",  # a newsMessage of three items, written below
        "d.jsonl": b"".join(write(r, "jsonl") for r in reports[6:]),
        "notes.txt.bak": b"not a report",
    }
    local = tmp_path / "folder"
    (local / "sub").mkdir(parents=True)
    message = tmp_path / "m.xml"
    (tmp_path / "three.jsonl").write_bytes(b"".join(write(r, "jsonl") for r in reports[3:6]))
    convert_many([str(tmp_path / "three.jsonl")], str(message), to="newsml-g2")
    files["m.xml"] = message.read_bytes()
    for name, data in files.items():
        (local / name).write_bytes(data)
        with fsspec.open(f"memory://in/folder/{name}", "wb") as file:
            file.write(data)
    convert_many([str(local)], f"{tmp_path}/local.jsonl", to="jsonl")
    with dask.config.set(scheduler="synchronous"):
        write_bag(read_bag(["memory://in/folder"], partition_size=2), "memory://out/all.jsonl", "jsonl")
    assert memory.cat_file("/out/all.jsonl") == (tmp_path / "local.jsonl").read_bytes()  # type: ignore[attr-defined]
    assert len((tmp_path / "local.jsonl").read_bytes().splitlines()) == 9
