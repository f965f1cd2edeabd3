"""``muster``: the operator's command line.

::

    muster broker start|stop|status   a local single-node Kafka (KRaft) for development
    muster topics                     create Muster's topics on MUSTER_BROKER, list them
    muster worker                     run every agent
    muster produce PATH|-             send articles to the raw topic
    muster tail TOPIC                 print a topic as JSON lines
    muster tag PATH|-                 tag articles offline, no broker
    muster demo                       broker, worker, seed articles in, events out
    muster eval                       tagger precision and recall on labelled articles
    muster deadletter replay          re-publish dead letters to their source topics
    muster alerts forward             post the alerts topic to Prometheus Alertmanager
    muster bench [--core-only|--scale-out]  throughput, latency and memory; JSON report
    muster settings                   every MUSTER_* setting and its value
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from streams.settings import Settings, describe

DEFAULT_BROKER_DIR = Path(".muster/kafka")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    settings = Settings.from_env()
    try:
        return int(args.run(args, settings) or 0)
    except (FileNotFoundError, LookupError, ValueError) as error:
        print(f"muster: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="muster", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(metavar="COMMAND")

    broker = commands.add_parser("broker", help="run a local Kafka broker for development")
    broker.add_argument("action", choices=("start", "stop", "status"))
    broker.add_argument("--port", type=int, default=9092)
    broker.add_argument("--data-dir", type=Path, default=DEFAULT_BROKER_DIR)
    broker.set_defaults(run=_broker)

    topics = commands.add_parser("topics", help="create Muster's topics if missing, list them")
    topics.set_defaults(run=_topics)

    worker = commands.add_parser("worker", help="run the pipeline's agents")
    worker.set_defaults(run=_worker)

    produce = commands.add_parser("produce", help="send articles to the raw topic")
    produce.add_argument("source", help="a .json/.jsonl/.txt file, a folder, or - for stdin")
    produce.add_argument("--topic", help="topic to send to (default: the raw topic)")
    produce.set_defaults(run=_produce)

    tail = commands.add_parser("tail", help="print a topic's records as JSON lines")
    tail.add_argument("topic", help="a topic name or catalog role (raw, enriched, ...)")
    tail.add_argument("--from-beginning", action="store_true")
    tail.add_argument("--max", type=int, default=None, help="stop after N records")
    tail.add_argument("--timeout", type=float, default=None, help="stop after S idle seconds")
    tail.add_argument("--envelope", action="store_true", help="wrap values with their metadata")
    tail.set_defaults(run=_tail)

    tag = commands.add_parser("tag", help="tag articles offline (no broker)")
    tag.add_argument("source", help="a .json/.jsonl/.txt file, a folder, or - for stdin")
    tag.set_defaults(run=_tag)

    demo = commands.add_parser("demo", help="local broker + worker, seed articles in, events out")
    demo.add_argument("--seeds", type=Path, default=Path("seeds"))
    demo.add_argument("--timeout", type=float, default=120.0)
    demo.set_defaults(run=_demo)

    dead = commands.add_parser("deadletter", help="work with the dead-letter topic")
    dead.add_argument("action", choices=("replay",))
    dead.add_argument("--reason", help="replay only dead letters with this reason code")
    dead.add_argument("--max", type=int, default=None, help="replay at most N dead letters")
    dead.set_defaults(run=_deadletter)

    alerts = commands.add_parser("alerts", help="work with the alerts topic")
    alerts.add_argument("action", choices=("forward",))
    alerts.add_argument(
        "--alertmanager", metavar="URL", help="Alertmanager base URL (MUSTER_ALERTMANAGER_URL)"
    )
    alerts.add_argument("--max", type=int, default=None, help="stop after N alert records")
    alerts.add_argument(
        "--idle-timeout", type=float, default=None, help="stop after S seconds with no record"
    )
    alerts.set_defaults(run=_alerts)

    evaluate = commands.add_parser("eval", help="score the tagger on labelled articles")
    evaluate.add_argument("--data", type=Path, default=Path("tests/data/tagger"))
    evaluate.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    evaluate.add_argument("--errors", action="store_true", help="list every article it got wrong")
    evaluate.add_argument(
        "--stories",
        type=Path,
        default=Path("tests/data/stories"),
        help="labelled story set: pairwise scores of story grouping",
    )
    evaluate.set_defaults(run=_eval)

    bench = commands.add_parser("bench", help="throughput, latency and memory on a real broker")
    bench.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    bench.add_argument(
        "--core-only",
        action="store_true",
        help="only the in-process normalizer and tagger figures (no broker)",
    )
    bench.add_argument(
        "--scale-out",
        action="store_true",
        help="only the drain with one worker and with three in one group",
    )
    bench.set_defaults(run=_bench)

    show = commands.add_parser("settings", help="print every setting")
    show.set_defaults(run=_settings)
    return parser


def _broker(args: argparse.Namespace, settings: Settings) -> int:
    from streams import broker

    if args.action == "start":
        handle = broker.start_broker(port=args.port, data_dir=args.data_dir)
        print(f"kafka://{handle.bootstrap}")
    elif args.action == "stop":
        print("stopped" if broker.stop_broker(args.data_dir) else "not running")
    else:
        handle = broker.broker_status(args.data_dir)
        print(f"running kafka://{handle.bootstrap} pid {handle.pid}" if handle else "not running")
        return 0 if handle else 3
    return 0


def _topics(args: argparse.Namespace, settings: Settings) -> int:
    from streams.catalog import TopicCatalog
    from streams.kafka_io import ensure_topics

    catalog = TopicCatalog.from_settings(settings)
    created = asyncio.run(ensure_topics(settings, catalog.all(), settings.replication_factor))
    for spec in catalog.all():
        state = "created" if spec.name in created else "exists"
        print(f"{spec.name}\t{spec.partitions} partitions\t{state}\tkey: {spec.key}")
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from streams.worker import run_worker

    return run_worker(settings)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from streams.inputs import read_messages
    from streams.kafka_io import produce

    topic = args.topic or settings.raw_topic
    count = asyncio.run(produce(settings, topic, ((None, m) for m in read_messages(args.source))))
    print(f"produced {count} message(s) to {topic}", file=sys.stderr)
    return 0


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    from streams.catalog import TopicCatalog
    from streams.records import print_records

    spec = TopicCatalog.from_settings(settings).by_name(args.topic)
    topic = spec.name if spec else args.topic
    envelope = args.envelope or topic == settings.deadletter_topic
    asyncio.run(
        print_records(
            settings,
            [topic],
            from_beginning=args.from_beginning,
            limit=args.max,
            idle_timeout_s=args.timeout,
            envelope=envelope,
        )
    )
    return 0


def _tag(args: argparse.Namespace, settings: Settings) -> int:
    from streams.offline import tag_messages

    return tag_messages(args.source, settings, sys.stdout)


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from streams.demo import run_demo

    return run_demo(settings, seeds=args.seeds, timeout_s=args.timeout)


def _deadletter(args: argparse.Namespace, settings: Settings) -> int:
    from streams.replay import replay_dead_letters

    report = asyncio.run(replay_dead_letters(settings, reason=args.reason, limit=args.max))
    for topic, count in sorted(report.replayed.items()):
        print(f"replayed {count} dead letter(s) to {topic}")
    print(f"replayed {report.total}, skipped {report.skipped} (other reasons)")
    return 0


def _alerts(args: argparse.Namespace, settings: Settings) -> int:
    from streams.forwarder import AlertForwarder, run_until_signalled

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    forwarder = AlertForwarder(
        settings,
        alertmanager_url=args.alertmanager or settings.alertmanager_url,
        limit=args.max,
        idle_timeout_s=args.idle_timeout,
    )
    run_until_signalled(forwarder.run())
    report = forwarder.report
    print(f"forwarded {report.forwarded} alert(s), dead-lettered {report.dead_lettered}")
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from streams.codec import encode_json
    from streams.evaluation import evaluate, format_report, load_labelled
    from streams.story_evaluation import evaluate_stories

    evaluation = evaluate(load_labelled(args.data))
    report = evaluation.report()
    print(format_report(report))
    report["stories"] = evaluate_stories(args.stories, settings.story_policy)
    print("\nstories: " + ", ".join(f"{key} {value}" for key, value in report["stories"].items()))
    if args.errors:
        for error in evaluation.errors:
            print(encode_json(error).decode())
    if args.out:
        args.out.write_bytes(encode_json(report))
    return 0


def _bench(args: argparse.Namespace, settings: Settings) -> int:
    from streams.bench import (
        core_report,
        format_core_report,
        format_report,
        format_scale_out,
        run_bench,
        run_scale_out,
    )

    if args.core_only:
        print(format_core_report(core_report(args.out)))
    elif args.scale_out:
        print(format_scale_out(run_scale_out(settings, args.out)))
    else:
        print(format_report(run_bench(settings, args.out)))
    return 0


def _settings(args: argparse.Namespace, settings: Settings) -> int:
    for name, value, meaning in describe(settings):
        print(f"{name}={value}\t# {meaning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
