"""The same items as bench_throughput.py, as an inspect_ai task (run in bench/.venv-inspect)."""

import os

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import generate

from common import prompt_text


@task
def shinsa_bench() -> Task:
    n = int(os.environ.get("BENCH_ITEMS", "10000"))
    samples = [Sample(input=prompt_text(i), target=f"Item {i}:", id=i) for i in range(n)]
    return Task(dataset=MemoryDataset(samples), solver=generate(), scorer=includes())
