"""Dask: newsclean on a real ``distributed.LocalCluster`` with two worker processes.

The cluster's output must equal ``clean()`` applied here, for the ``dask.bag`` recipe
(``map_partitions(newsclean.clean_partition)``) and the ``dask.dataframe`` recipe
(``map_partitions(newsclean.clean_dataframe, column=...)``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from cli_support import docs, require

import newsclean


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = require("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_cluster_has_two_worker_processes(client: Any) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2
    assert os.getpid() not in pids.values()
    assert len(set(pids.values())) == 2


def test_bag_recipe_equals_clean(client: Any) -> None:
    bag = require("dask.bag")
    texts = docs()
    result = bag.from_sequence(texts, npartitions=4).map_partitions(
        newsclean.clean_partition, credits="keep"
    )
    out = client.compute(result).result()
    assert list(out) == [newsclean.clean(t, credits="keep") for t in texts]


def test_dataframe_recipe_equals_clean(client: Any) -> None:
    pd = require("pandas")
    dd = require("dask.dataframe")
    texts = docs()
    frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
    ddf = dd.from_pandas(frame, npartitions=4)
    cleaned = ddf.map_partitions(newsclean.clean_dataframe, column="text", output_column="clean")
    # The work runs on the cluster's processes: each partition reports its worker's pid.
    pids = ddf.map_partitions(lambda part: pd.Series([os.getpid()] * len(part))).compute()
    assert os.getpid() not in set(pids)
    out = client.compute(cleaned).result()
    assert list(out["clean"]) == [newsclean.clean(t) for t in texts]
    assert list(out["text"]) == texts and list(out["id"]) == list(range(len(texts)))
