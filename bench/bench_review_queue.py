"""The review queue and "save verdict" on PostgreSQL with 200,000 attempts and 20 simulated reviewers.

python bench/bench_review_queue.py [--attempts 200000] [--reviewers 20] [--actions 15] [--think 1.0]
    [--http] [--db postgresql+psycopg://postgres@127.0.0.1:5432/test] [--schema NAME]

Creates a schema of its own in the database (dropped afterwards), writes one run of ``--attempts``
attempts (2% needs_review, 8% low confidence, 1% judges disagreeing, 5% red-team hits), builds the
queue once, then runs ``--reviewers`` threads that each open a page of the queue and save a verdict
on an attempt of that page, ``--actions`` times with ``--think`` seconds between actions. Prints
p50/p95/max of both calls. Two reviewers racing for the same attempt happens: the later gets a
conflict (counted), which costs the same as a save.

Without ``--http`` the calls are the library's (``pending`` + ``review_counts``, ``save_decision``);
with ``--http`` they are the workspace's pages, served by uvicorn in a process of its own: each
reviewer signs in, then ``GET /runs/RUN/review`` (the whole queue page: 50 attempts, counts, κ) and
``POST /runs/RUN/review/decide`` (the form, CSRF token included).

``--schema NAME`` keeps the data in that schema after the bench and reuses it next time (writing
200,000 attempts takes minutes; interleaving before/after measurements on the same data needs it).
Reused, the queue carries the decisions of earlier runs: a few hundred of tens of thousands.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from shinsa.outcomes import Outcome
from shinsa.review.decisions import ReviewConflict, save_decision
from shinsa.review.queue import ensure_queue, pending, review_counts
from shinsa.store.store import Store
from shinsa.testing.runs import attempt

RUN = "bench-review"
PASSWORD = "bench password 0123456789"


def rows(n: int) -> list[dict[str, object]]:
    out = []
    votes = [{"outcome": "refused"}, {"outcome": "complied"}, {"outcome": "refused"}]
    for i in range(n):
        roll = i % 100
        kwargs: dict[str, Any] = {"prompt": f"bench question {i}: " + "x" * 150, "response": "answer " * 40}
        if roll < 2:
            row = attempt(f"i{i:07d}", 1 + i % 8, "needs_review", details={"confidence": random.random() * 0.5}, **kwargs)
        elif roll < 10:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"confidence": 0.5 + random.random() * 0.3}, **kwargs)
        elif roll < 11:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"votes": votes}, scorer="ensemble", **kwargs)
        elif roll < 16:
            row = attempt(f"i{i:07d}", 1 + i % 8, "complied", attack_id="conv:base64", **kwargs)
        else:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"confidence": 0.8 + random.random() * 0.2}, **kwargs)
        out.append(row)
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def describe(label: str, values: list[float]) -> str:
    return (
        f"{label}: n {len(values)}, p50 {statistics.median(values):.1f} ms, "
        f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms"
    )


def library_reviewer(store: Store) -> Callable[[str], tuple[Callable[[], Any], Callable[[Any], bool]]]:
    """Per reviewer: open a page (returns its entries) and save one of them (False on conflict)."""

    def start(name: str) -> tuple[Callable[[], Any], Callable[[Any], bool]]:
        def open_page() -> Any:
            entries = pending(store, RUN, name, limit=50)
            review_counts(store, RUN)
            return entries

        def save(entry: Any) -> bool:
            try:
                save_decision(store, entry.key, Outcome.REFUSED, name, "bench", entry.version)
            except ReviewConflict:
                return False
            return True

        return open_page, save

    return start


def http_reviewer(base: str) -> Callable[[str], tuple[Callable[[], Any], Callable[[Any], bool]]]:
    import httpx

    link = re.compile(r'href="/runs/[^"]+/review/item\?suite=([^&]+)&amp;item=([^&]+)&amp;attack=([^"]*)"')

    def start(name: str) -> tuple[Callable[[], Any], Callable[[Any], bool]]:
        client = httpx.Client(base_url=base, follow_redirects=False, timeout=30)
        login = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', login)
        assert token is not None
        client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token.group(1)})
        csrf: list[str] = []

        def open_page() -> Any:
            page = client.get(f"/runs/{RUN}/review").text
            csrf[:] = re.findall(r'name="csrf_token" value="([^"]+)"', page)[:1]
            return link.findall(page)

        def save(entry: Any) -> bool:
            suite, item, attack = entry
            answer = client.post(
                f"/runs/{RUN}/review/decide",
                data={"csrf_token": csrf[0], "suite": suite, "item_id": item, "attack_id": attack, "outcome": "refused", "version": 0},
            )
            assert answer.status_code in (303, 409), answer.status_code
            return answer.status_code == 303

        return open_page, save

    return start


def populate(store: Store, count: int) -> None:
    store.create_run(RUN, {"bench": True}, count, "bench")
    started = time.perf_counter()
    batch = rows(count)
    for start in range(0, len(batch), 5000):
        store.write_attempts([{**row, "run_id": RUN} for row in batch[start : start + 5000]])
    store.set_status(RUN, "finished")
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"wrote {count} attempts in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    ensure_queue(store, RUN)
    print(f"queue built once in {time.perf_counter() - started:.1f} s")


def serve(url: str, port: int) -> None:
    """The workspace over ``url`` with the bench's reviewers, for ``--http`` (a process of its own)."""
    import uvicorn

    from shinsa.web.access import Role
    from shinsa.web.accounts import Accounts
    from shinsa.web.app import create_app
    from shinsa.web.deps import Settings
    from shinsa.web.workspace import Workspace

    store = Store(url)
    accounts, workspace = Accounts(store.engine), Workspace(store.engine)
    if accounts.find_project("bench") is None:  # else: a reused schema (--schema) has them already
        project = accounts.create_project("bench")
        workspace.add_system(project, "bench-system", "bench")
        workspace.file_run(RUN, "bench-system", state="attached", started_by=None)
        for number in range(100):
            accounts.set_membership(accounts.create_user(f"reviewer-{number:02d}", PASSWORD), project, Role.REVIEWER)
    print("ready", flush=True)
    uvicorn.run(create_app(store, settings=Settings(secure_cookies=False)), host="127.0.0.1", port=port, log_level="warning")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attempts", type=int, default=200_000)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--actions", type=int, default=15, help="queue page + save per reviewer")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a reviewer waits between actions")
    parser.add_argument("--http", action="store_true", help="through the workspace's pages (uvicorn in its own process)")
    parser.add_argument("--db", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--schema", help="keep the data in this schema and reuse it when it is already there")
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    random.seed(0)
    schema = args.schema or f"shinsa_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.db)
    with admin.begin() as conn:
        reused = conn.execute(text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :s"), {"s": schema}).first() is not None
        if not reused:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    server: subprocess.Popen[str] | None = None
    try:
        url = f"{args.db}?options=-csearch_path%3D{schema}"
        store = Store(url)
        if reused and store.get_run(RUN) is not None:
            print(f"reusing the attempts in schema {schema}")
        else:
            populate(store, args.attempts)
        if args.http:
            sys.path.insert(0, str(Path(__file__).parent))
            from common import free_port

            port = free_port()
            server = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)], stdout=subprocess.PIPE, text=True)
            assert server.stdout is not None and server.stdout.readline().strip() == "ready"
            base = f"http://127.0.0.1:{port}"
            import httpx

            for _ in range(200):
                try:
                    httpx.get(base + "/login", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            reviewer = http_reviewer(base)
        else:
            reviewer = library_reviewer(store)
        page_ms: list[float] = []
        save_ms: list[float] = []
        conflicts = 0
        lock = threading.Lock()

        signed_in = [reviewer(f"reviewer-{number:02d}") for number in range(args.reviewers)]  # before timing

        def run_reviewer(number: int) -> None:
            nonlocal conflicts
            open_page, save = signed_in[number]
            open_page()  # warm-up: first page of this reviewer (templates, connections), not measured
            time.sleep(random.random() * args.think)  # reviewers do not all start in the same instant
            for _ in range(args.actions):
                begin = time.perf_counter()
                entries = open_page()
                page = (time.perf_counter() - begin) * 1000
                begin = time.perf_counter()
                saved = save(random.choice(entries))
                elapsed = (time.perf_counter() - begin) * 1000
                with lock:
                    page_ms.append(page)
                    save_ms.append(elapsed)
                    conflicts += not saved
                time.sleep(args.think)

        threads = [threading.Thread(target=run_reviewer, args=(i,)) for i in range(args.reviewers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        where = "HTTP" if args.http else "library"
        print(describe(f"{where}: queue page (50 attempts + counts)", page_ms))
        print(describe(f"{where}: save verdict", save_ms))
        print(f"conflicts (two reviewers saving the same attempt): {conflicts}")
        print(json.dumps({"mode": where, "attempts": args.attempts, "reviewers": args.reviewers, "queue_p95_ms": round(percentile(page_ms, 0.95), 1), "save_p95_ms": round(percentile(save_ms, 0.95), 1)}))
        store.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        if not args.schema:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
