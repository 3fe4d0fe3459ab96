"""Conversion on a Dask cluster, over paths and fsspec URLs (the optional extra `[dask]`).

`convert_on_cluster` is `newsreport convert --cluster`: the local batch's readers, writers and
sinks, with the conversion on the cluster's workers. `read_bag` and `write_bag` take and give a
`dask.bag.Bag` of `NewsReport`s. Without dask, distributed and fsspec installed, importing this
package raises a `MissingExtraError` (an `ImportError`) that names the extra to install.

```
partitions.py  the client's plan: runs of JSON Lines, groups of files, in input order
tasks.py       a worker's part: a partition's units, converted by `batch.converted`
scheduling.py  the client, and partitions in flight one per worker thread, results in order
outputs.py     the local sinks; for a remote URL, built locally and moved into place
engine.py      convert_on_cluster: results written by `batch.write_results`
bags.py        read_bag, write_bag
locations.py   paths and fsspec URLs; portable.py: our errors, whole across processes
```
"""

from __future__ import annotations

from newsreport import extras
from newsreport.extras import MissingExtraError

INSTALL = extras.install_command("dask")
extras.require("dask", "conversion on a cluster", ("dask", "dask.bag", "distributed", "fsspec"))

from newsreport.cluster.bags import read_bag, write_bag  # noqa: E402
from newsreport.cluster.engine import convert_on_cluster  # noqa: E402

__all__ = ["INSTALL", "MissingExtraError", "convert_on_cluster", "read_bag", "write_bag"]
