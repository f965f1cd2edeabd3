"""``muster bench``: throughput, latency and memory, measured on a real broker in one run.

Everything runs on this machine against a broker the benchmark starts itself: the tagger and
normalizer alone in-process (the ceiling of the work, in CPU time; ``--core-only`` runs just
this part, without a broker), a bare aiokafka consume-and-produce loop
(the ceiling of the client), one worker draining a pre-produced backlog, the same with 10%
poison input, and end-to-end latency at fixed offered loads. The report is JSON (``--out``)
and a table on stdout.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import platform
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from streams.broker import KAFKA_VERSION, broker_status, free_port, start_broker, stop_broker
from streams.catalog import ORIGIN_HEADER, TopicCatalog
from streams.codec import decode_json
from streams.corpus import generate_messages
from streams.kafka_io import end_offsets, ensure_topics, new_producer, produce, tail
from streams.kafka_security import client_options
from streams.language import warm_up
from streams.normalize import Article
from streams.settings import TABLE_STORES, Settings
from streams.stages import normalize_stage, tag_stage
from streams.tagger import tag_article, tag_text
from streams.worker_process import WorkerNotReady, WorkerProcess

BACKLOG = 20_000
STORY_SCALE = 100_000
RESTART_STORIES = 20_000
JOIN_READY_S = 300
"""Each worker joining a group rebalances it, and /readyz says 503 until tables recover."""
SCALE_OUT = 3
DRAIN_ROUNDS = 3
"""Drains with stories on and off, alternated: on this machine one pair of drains does not
settle the cost of stories (two full runs with one pair each gave 15% and 49%)."""
CORE_SAMPLE = 3_000
POISON_BACKLOG = 10_000
LOADS = {100: 20.0, 500: 10.0}


def run_bench(settings: Settings, out: Path | None) -> dict[str, Any]:
    """Every figure, on one broker this run starts and stops."""
    return _on_local_broker(settings, out, _everything)


def run_scale_out(settings: Settings, out: Path | None) -> dict[str, Any]:
    """Only the drain with one and with ``SCALE_OUT`` workers (``muster bench --scale-out``)."""
    return _on_local_broker(
        settings, out, lambda base, workdir: {"machine": _machine(), **scale_out(base, workdir)}
    )


def _on_local_broker(
    settings: Settings, out: Path | None, measure: Callable[[Settings, Path], dict[str, Any]]
) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="muster-bench-"))
    broker_dir = workdir / "kafka"
    try:
        handle = start_broker(port=free_port(), data_dir=broker_dir)
        base = settings.on_local_broker(handle.bootstrap, log_level="warning", partitions=4)
        report = measure(base, workdir)
        if out is not None:
            out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
        return report
    finally:
        stop_broker(broker_dir)
        shutil.rmtree(workdir, ignore_errors=True)


def _everything(base: Settings, workdir: Path) -> dict[str, Any]:
    report: dict[str, Any] = {"machine": _machine()}
    report.update(_core_ceiling())
    report["client_ceiling_articles_per_s"] = _client_ceiling(_fresh(base, workdir, "client"))
    report.update(_drains_with_and_without_stories(base, workdir))
    report["stories"] = _stories_at_scale(_fresh(base, workdir, "stories"), workdir)
    report["stories"]["cost_at_story_scale"] = round(
        1
        - report["stories"]["drain_at_story_scale_articles_per_s"]
        / report["drain_without_stories_articles_per_s"],
        3,
    )
    report["stories"]["restart_to_ready_s"] = _restart_times(base, workdir)
    report["stories"]["restart_stories"] = RESTART_STORIES
    report["scale_out"] = scale_out(base, workdir)
    report.update(_poison(_fresh(base, workdir, "poison"), workdir))
    report["latency_ms"] = {
        str(rate): _latency(_fresh(base, workdir, f"latency{rate}"), workdir, rate, seconds)
        for rate, seconds in LOADS.items()
    }
    report["poison_to_clean"] = round(
        report["poison_valid_articles_per_s"] / report["drain_articles_per_s"], 3
    )
    ceiling = min(report["client_ceiling_articles_per_s"], report["core_articles_per_s"])
    report["pipeline_to_lower_ceiling"] = round(report["drain_articles_per_s"] / ceiling, 3)
    return report


def format_report(report: dict[str, Any]) -> str:
    stories = report["stories"]
    rows = [
        ("tagger, one core (articles/s)", report["tagger_articles_per_s_per_core"]),
        ("tagger, one core (MB/s)", report["tagger_mb_per_s_per_core"]),
        ("tagger, 1 MB adversarial body (s)", report["tagger_adversarial_1mb_s"]),
        ("normalize + tag in-process (articles/s)", report["core_articles_per_s"]),
        ("bare aiokafka consume->produce (articles/s)", report["client_ceiling_articles_per_s"]),
        ("pipeline drain, one worker, median (articles/s)", report["drain_articles_per_s"]),
        (
            "  the same without stories, median (articles/s)",
            report["drain_without_stories_articles_per_s"],
        ),
        ("  cost of stories", report["stories_cost"]),
        (
            f"  each of {len(report['drain_rounds'])} rounds, on / off (articles/s)",
            ", ".join(
                f"{drains['on']['articles_per_s']} / {drains['off']['articles_per_s']}"
                for drains in report["drain_rounds"]
            ),
        ),
        ("  CPU per article, worker / broker (ms)", _pair(report["drain_cpu_ms_per_article"])),
        (
            "  the same without stories (ms)",
            _pair(report["drain_without_stories_cpu_ms_per_article"]),
        ),
        ("story stage alone, loading stories (articles/s)", stories["story_stage_articles_per_s"]),
        (
            f"drain with {stories['stories_in_window']:,} stories in window (articles/s)",
            stories["drain_at_story_scale_articles_per_s"],
        ),
        ("  cost of stories at that size", stories["cost_at_story_scale"]),
        (
            "worker RSS with those stories / after the drain (MB)",
            f"{stories['rss_mb_at_story_scale']} / {stories['rss_mb_after_drain_at_story_scale']}",
        ),
        *(
            (
                f"restart to ready with {stories['restart_stories']:,} stories, {store} store (s)",
                seconds,
            )
            for store, seconds in stories["restart_to_ready_s"].items()
        ),
        ("pipeline / lower ceiling", report["pipeline_to_lower_ceiling"]),
        ("drain with 10% poison / clean (valid articles/s)", report["poison_to_clean"]),
        ("worker RSS start / end (MB)", f"{report['rss_mb']['start']} / {report['rss_mb']['end']}"),
    ]
    scaled = report["scale_out"]
    rows.append(
        (
            "drain with 1 / 3 workers (articles/s)",
            " / ".join(str(v) for v in scaled["drain_articles_per_s_by_workers"].values())
            if "error" not in scaled
            else "failed: a worker never became ready (see the report)",
        )
    )
    for rate, stats in report["latency_ms"].items():
        rows.append(
            (
                f"latency at {rate}/s p50/p95/p99 (ms)",
                f"{stats['p50']} / {stats['p95']} / {stats['p99']}",
            )
        )
    return _table(rows)


def _pair(cpu_ms: dict[str, float]) -> str:
    return f"{cpu_ms['worker']} / {cpu_ms['broker']}"


def _machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "kafka": KAFKA_VERSION,
        "platform": platform.platform(),
    }


def _fresh(base: Settings, workdir: Path, name: str) -> Settings:
    """Settings with topics and a consumer group of their own, topics created."""
    settings = base.isolated(f"bench-{name}", web_port=free_port(), data_dir=workdir / name)
    catalog = TopicCatalog.from_settings(settings)
    asyncio.run(ensure_topics(settings, catalog.all(), 1))
    return settings


def _timed(work: Callable[[], object]) -> float:
    """CPU seconds the work took: a one-core figure that other load on the machine (which
    stretches wall-clock time) does not skew."""
    start = time.process_time()
    work()
    return time.process_time() - start


def core_report(out: Path | None) -> dict[str, Any]:
    """The in-process figures alone (no broker): ``muster bench --core-only``."""
    report = {"machine": _machine(), **_core_ceiling()}
    if out is not None:
        out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    return report


def _table(rows: list[tuple[str, Any]]) -> str:
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def format_core_report(report: dict[str, Any]) -> str:
    rows = [
        ("tagger, one core (articles/s)", report["tagger_articles_per_s_per_core"]),
        ("tagger, one core (MB/s)", report["tagger_mb_per_s_per_core"]),
        ("tagger, 1 MB adversarial body (s)", report["tagger_adversarial_1mb_s"]),
        ("normalize, one core (articles/s)", report["normalize_articles_per_s"]),
        ("normalize + tag in-process (articles/s)", report["core_articles_per_s"]),
    ]
    return _table(rows)


def _core_ceiling() -> dict[str, Any]:
    warm_up()
    messages = generate_messages(CORE_SAMPLE, seed=99)
    articles: list[Article] = []
    normalize_s = _timed(
        lambda: articles.extend(
            normalize_stage(m, timestamp_s=1.7e9, max_bytes=262_144) for m in messages
        )
    )
    tag_article(articles[0])
    tag_s = _timed(lambda: [tag_article(article) for article in articles])
    size_mb = sum(len(a.title) + len(a.body) for a in articles) / 1e6
    unit = "Troops deployed to the border, drills, mobilization of reservists! "
    adversarial = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    return {
        "corpus": {
            "articles": CORE_SAMPLE,
            "avg_bytes": round(sum(map(len, messages)) / CORE_SAMPLE),
        },
        "tagger_articles_per_s_per_core": round(CORE_SAMPLE / tag_s),
        "tagger_mb_per_s_per_core": round(size_mb / tag_s, 2),
        "normalize_articles_per_s": round(CORE_SAMPLE / normalize_s),
        "core_articles_per_s": round(CORE_SAMPLE / (normalize_s + tag_s)),
        "tagger_adversarial_1mb_s": round(_timed(lambda: tag_text("", adversarial)), 3),
    }


def _client_ceiling(settings: Settings) -> float:
    messages = generate_messages(BACKLOG, seed=1)
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in messages]))

    async def pump() -> float:
        consumer = AIOKafkaConsumer(
            settings.raw_topic,
            **client_options(settings),
            group_id="bench-client",
            auto_offset_reset="earliest",
        )
        producer = new_producer(settings, linger_ms=5)
        await consumer.start()
        await producer.start()
        moved = 0
        started = time.perf_counter()
        try:
            while moved < BACKLOG:
                batches = await consumer.getmany(timeout_ms=500, max_records=1000)
                for batch in batches.values():
                    for record in batch:
                        await producer.send(settings.enriched_topic, record.value, key=record.key)
                        moved += 1
            await producer.flush()
            await consumer.commit()
            return BACKLOG / (time.perf_counter() - started)
        finally:
            await producer.stop()
            await consumer.stop()

    return round(asyncio.run(pump()))


def _rss_mb(pid: int | None) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _wait_outputs(
    settings: Settings, expected: int, worker: WorkerProcess, since: int = 0
) -> tuple[float, float]:
    """Seconds from start to the first output past ``since`` and to the ``expected``-th,
    counting enriched and dead-letter events."""
    topics = [settings.enriched_topic, settings.deadletter_topic]
    started = time.perf_counter()
    first = None
    while True:
        done = sum(asyncio.run(end_offsets(settings, topics)).values())
        now = time.perf_counter()
        if done > since and first is None:
            first = now
        if done >= expected:
            return (first or now) - started, now - started
        if not worker.alive():
            raise RuntimeError("the worker exited:\n" + worker.log_tail())
        time.sleep(0.2)


def _backlog() -> list[bytes]:
    """The drain backlog, timed by arrival (no ``published_at``) as a live feed is."""
    return [
        orjson.dumps({k: v for k, v in decode_json(m).items() if k != "published_at"})
        for m in generate_messages(BACKLOG, seed=2)
    ]


def _drain(settings: Settings, workdir: Path) -> dict[str, Any]:
    """One worker, ready before a 20,000-article backlog lands: throughput, memory, and the
    CPU the worker and the broker spent per article (``drain_cpu_ms_per_article``)."""
    worker = WorkerProcess(settings, workdir / f"{settings.app_id}.log").start()
    try:
        worker.wait_ready()
        rss_start = _rss_mb(worker.pid)
        processes = {"worker": worker.pid, "broker": _broker_pid(workdir)}
        cpu_before = {name: _cpu_s(pid) for name, pid in processes.items()}
        rate = _drain_backlog(settings, worker)
        return {
            "backlog": BACKLOG,
            "drain_articles_per_s": rate,
            "drain_cpu_ms_per_article": {
                name: round((_cpu_s(pid) - cpu_before[name]) * 1000 / BACKLOG, 2)
                for name, pid in processes.items()
            },
            "rss_mb": {"start": rss_start, "end": _rss_mb(worker.pid)},
        }
    finally:
        worker.stop()


def _drains_with_and_without_stories(base: Settings, workdir: Path) -> dict[str, Any]:
    """The drain with stories on and off, ``DRAIN_ROUNDS`` times each in alternating order."""
    rounds = []
    for number in range(DRAIN_ROUNDS):
        modes = ("on", "off") if number % 2 == 0 else ("off", "on")
        rounds.append(
            {
                mode: _drain(
                    _fresh(replace(base, stories=mode), workdir, f"drain-{mode}-{number}"), workdir
                )
                for mode in modes
            }
        )
    return summarize_drain_rounds(rounds)


def summarize_drain_rounds(rounds: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Each side's median drain (every figure from that one drain), the cost of stories
    between the two medians, and every round's rates and worker CPU."""
    with_stories = _median_drain([drains["on"] for drains in rounds])
    without = _median_drain([drains["off"] for drains in rounds])
    return {
        **with_stories,
        "drain_without_stories_articles_per_s": without["drain_articles_per_s"],
        "drain_without_stories_cpu_ms_per_article": without["drain_cpu_ms_per_article"],
        "stories_cost": round(
            1 - with_stories["drain_articles_per_s"] / without["drain_articles_per_s"], 3
        ),
        "drain_rounds": [
            {
                mode: {
                    "articles_per_s": drains[mode]["drain_articles_per_s"],
                    "worker_cpu_ms_per_article": drains[mode]["drain_cpu_ms_per_article"]["worker"],
                }
                for mode in ("on", "off")
            }
            for drains in rounds
        ],
    }


def _median_drain(drains: list[dict[str, Any]]) -> dict[str, Any]:
    ranked = sorted(drains, key=lambda drain: drain["drain_articles_per_s"])
    return ranked[(len(ranked) - 1) // 2]


def _broker_pid(workdir: Path) -> int | None:
    handle = broker_status(workdir / "kafka")
    return handle.pid if handle else None


def _cpu_s(pid: int | None) -> float:
    """CPU seconds (user and system) a process has used so far; 0 when it is not known.

    Over a drain, a worker's CPU per article next to the in-process ceiling tells the cost of
    the stream machinery from the cost of the work, whatever else shares the machine."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def format_scale_out(report: dict[str, Any]) -> str:
    if "error" in report:
        return f"scale-out drain failed: {report['error']}"
    rates = report["drain_articles_per_s_by_workers"]
    return "\n".join(
        [*(f"drain with {n} worker(s): {rate} articles/s" for n, rate in rates.items()),
         f"speedup: {report['speedup']}"]
    )  # fmt: skip


def scale_out(settings: Settings, workdir: Path) -> dict[str, Any]:
    """The drain with one worker, then with ``SCALE_OUT`` workers in one consumer group.

    A worker that never becomes ready is a finding, not a reason to lose the rest of the
    report: it is written down under ``error`` with the end of that worker's log.
    """
    try:
        rates = {
            str(count): _drain_with(_fresh(settings, workdir, f"scale{count}"), workdir, count)
            for count in (1, SCALE_OUT)
        }
    except WorkerNotReady as stuck:
        return {"error": str(stuck)[-2000:]}
    return {"drain_articles_per_s_by_workers": rates, "speedup": round(
        rates[str(SCALE_OUT)] / rates["1"], 2
    )}  # fmt: skip


def _drain_with(settings: Settings, workdir: Path, count: int) -> int:
    workers = [
        WorkerProcess(
            replace(settings, web_port=free_port()), workdir / f"{settings.app_id}-{n}.log"
        ).start()
        for n in range(count)
    ]
    try:
        for number, worker in enumerate(workers, start=1):
            try:
                worker.wait_ready(timeout_s=JOIN_READY_S)
            except WorkerNotReady as stuck:
                raise WorkerNotReady(f"worker {number} of {count}: {stuck}") from None
        return _drain_backlog(settings, workers[0])
    finally:
        for worker in workers:
            worker.stop()


def _drain_backlog(settings: Settings, worker: WorkerProcess) -> int:
    topics = [settings.enriched_topic, settings.deadletter_topic]
    already = sum(asyncio.run(end_offsets(settings, topics)).values())
    messages = _backlog()
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in messages]))
    first, last = _wait_outputs(settings, already + BACKLOG, worker, since=already)
    return round(BACKLOG / (last - first))


def _stories_at_scale(settings: Settings, workdir: Path) -> dict[str, Any]:
    """The story stage holding ``STORY_SCALE`` stories in its window, then the same drain."""
    worker = WorkerProcess(settings, workdir / "stories-scale.log").start()
    try:
        worker.wait_ready()
        loading_s = _load_stories(settings, worker, STORY_SCALE)
        loaded_rss = _rss_mb(worker.pid)
        return {
            "stories_in_window": STORY_SCALE,
            "story_stage_articles_per_s": round(STORY_SCALE / loading_s),
            "rss_mb_at_story_scale": loaded_rss,
            "drain_at_story_scale_articles_per_s": _drain_backlog(settings, worker),
            "rss_mb_after_drain_at_story_scale": _rss_mb(worker.pid),
        }
    finally:
        worker.stop()


def _load_stories(settings: Settings, worker: WorkerProcess, count: int) -> float:
    """Send ``count`` synthetic tagged events (each with words of its own, so each starts a
    story, timed within the last two days) straight to the deliver agent's topic; return the
    seconds from its first output to its last."""
    template = decode_json(
        tag_stage(
            normalize_stage(
                generate_messages(1, seed=7)[0], timestamp_s=time.time(), max_bytes=262_144
            )
        ).enriched
    )
    asyncio.run(
        produce(
            settings,
            settings.tagged_topic,
            [_synthetic_story(template, n) for n in range(count)],
            headers=[(ORIGIN_HEADER, b"bench")],
        )
    )
    first, last = _wait_outputs(settings, count, worker)
    return last - first


def _restart_times(settings: Settings, workdir: Path) -> dict[str, float]:
    """Seconds from start to ready for a worker restarted (after SIGTERM) with
    ``RESTART_STORIES`` stories in its tables, with each table store."""
    return {
        store: _restart_with(
            _fresh(replace(settings, table_store=store), workdir, f"restart-{store}"), workdir
        )
        for store in TABLE_STORES
    }


def _restart_with(settings: Settings, workdir: Path) -> float:
    log = workdir / f"{settings.app_id}.log"
    worker = WorkerProcess(settings, log).start()
    try:
        worker.wait_ready()
        _load_stories(settings, worker, RESTART_STORIES)
    finally:
        worker.stop()
    started = time.perf_counter()
    again = WorkerProcess(settings, log).start()
    try:
        again.wait_ready(timeout_s=600)
        return round(time.perf_counter() - started, 1)
    finally:
        again.stop()


def _synthetic_story(template: dict[str, Any], number: int) -> tuple[bytes, bytes]:
    """A tagged event that starts a story of its own: its headline words are its own.

    Returns its key (a fingerprint of its own, so it is not a duplicate) and value."""
    moment = time.time() - (number % 2880) * 60
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))
    words = " ".join(f"{prefix}{number:06d}" for prefix in ("qx", "vz", "kj", "wq"))
    fingerprint = hashlib.blake2b(f"synthetic-{number}".encode(), digest_size=16).hexdigest()
    return fingerprint.encode("ascii"), orjson.dumps(
        template
        | {
            "id": f"synthetic-{number}",
            "fingerprint": fingerprint,
            "url": f"https://bench.example/{number}",
            "title": f"Drills near {words}",
            "body": f"Units exercised near {words} on the range.",
            "published_at": stamp,
            "received_at": stamp,
        }
    )


def _poison(settings: Settings, workdir: Path) -> dict[str, Any]:
    """The same drain with one message in ten malformed: the rate of the valid ones."""
    valid = generate_messages(POISON_BACKLOG * 9 // 10, seed=3)
    bad = [b"{" * 10_000 if i % 2 else b"\xff\xfe" * 100 for i in range(POISON_BACKLOG // 10)]
    mixed = valid + bad
    random.Random(5).shuffle(mixed)
    worker = WorkerProcess(settings, workdir / "poison.log").start()
    try:
        worker.wait_ready()
        asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in mixed]))
        first, last = _wait_outputs(settings, len(mixed), worker)
    finally:
        worker.stop()
    return {"poison_valid_articles_per_s": round(len(valid) / (last - first))}


def _latency(settings: Settings, workdir: Path, rate: int, seconds: float) -> dict[str, float]:
    worker = WorkerProcess(settings, workdir / f"latency{rate}.log").start()
    try:
        worker.wait_ready()
        sent_at = asyncio.run(_offer(settings, rate, seconds))
        latencies = asyncio.run(_arrivals(settings, sent_at, timeout_s=seconds + 180))
    finally:
        worker.stop()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "p50": round(cuts[49], 1),
        "p95": round(cuts[94], 1),
        "p99": round(cuts[98], 1),
        "articles": len(latencies),
    }


async def _offer(settings: Settings, rate: int, seconds: float) -> dict[str, int]:
    """Send ``rate`` articles a second for ``seconds``; the record timestamp is the send time."""
    messages = generate_messages(int(rate * seconds), seed=rate)
    producer = new_producer(settings, linger_ms=0)
    await producer.start()
    sent_at: dict[str, int] = {}
    start = time.perf_counter()
    try:
        for number, message in enumerate(messages):
            delay = start + number / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            now_ms = int(time.time() * 1000)
            sent_at[decode_json(message)["id"]] = now_ms
            await producer.send(settings.raw_topic, message, timestamp_ms=now_ms)
        await producer.flush()
    finally:
        await producer.stop()
    return sent_at


async def _arrivals(settings: Settings, sent_at: dict[str, int], timeout_s: float) -> list[float]:
    latencies: list[float] = []
    pending = set(sent_at)
    deadline = time.monotonic() + timeout_s
    async for record in tail(
        settings,
        [settings.enriched_topic],
        from_beginning=True,
        idle_timeout_s=30,
    ):
        article_id = decode_json(record.value)["id"]
        if article_id in pending:
            pending.discard(article_id)
            latencies.append(record.timestamp_ms - sent_at[article_id])
        if not pending or time.monotonic() > deadline:
            break
    return latencies
