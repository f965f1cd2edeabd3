"""The Faust app and its topics, built from ``Settings`` by one factory.

``create_pipeline`` returns the app with every topic of the catalog and its agents wired;
the worker, the agent tests and the benchmarks all build it the same way. Values travel as raw
bytes: the agents decode inside their own code, so a bad message becomes a dead letter instead
of ending the stream (faust #586).
"""

from __future__ import annotations

from dataclasses import dataclass

import faust
from mode.supervisors import CrashingSupervisor

from agents.health import Health
from streams.catalog import TopicCatalog, TopicSpec
from streams.kafka_security import broker_credentials
from streams.offsets import MusterApp
from streams.settings import Settings

PRODUCER_MAX_REQUEST_BYTES = 2_097_152
PRODUCER_LINGER_S = 0.005
"""How long the producer gathers records into one request: a few milliseconds of latency
buy far fewer, larger requests when articles arrive in bursts."""
PRODUCER_BATCH_BYTES = 524_288
"""The most one partition's records may take in one produce request. aiokafka keeps one
request in flight per broker, so with the default 16 KB a one-partition topic moved about four
articles per round trip and the agents waited on the producer."""


@dataclass(frozen=True)
class PipelineTopics:
    raw: faust.TopicT
    enriched: faust.TopicT
    mobilization: faust.TopicT
    deadletter: faust.TopicT
    tagged: faust.TopicT
    alerts: faust.TopicT


@dataclass(frozen=True)
class Pipeline:
    """Everything an agent needs: the app, its settings, the catalog and the topic objects."""

    app: MusterApp
    settings: Settings
    catalog: TopicCatalog
    topics: PipelineTopics
    health: Health


def create_pipeline(settings: Settings, *, in_memory: bool = False) -> Pipeline:
    """Build the Faust app with its topics and agents for these settings.

    ``in_memory`` replaces every Kafka topic by an in-process channel: the seam agent tests
    use to run an agent and read what it sends, with no broker.
    """
    from agents.deliver import register_deliver
    from agents.tag import register_tag
    from agents.web import register_web

    app = MusterApp(
        settings.app_id,
        broker=settings.broker,
        broker_credentials=broker_credentials(settings),
        store=settings.store_url,
        autodiscover=False,
        processing_guarantee=settings.processing_guarantee,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        key_serializer="raw",
        value_serializer="raw",
        consumer_auto_offset_reset="earliest",
        producer_max_request_size=PRODUCER_MAX_REQUEST_BYTES,
        producer_linger=PRODUCER_LINGER_S,
        producer_max_batch_size=PRODUCER_BATCH_BYTES,
        agent_supervisor=CrashingSupervisor,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(1, settings.session_timeout_s // 3),
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        datadir=str(settings.data_dir),
    )
    catalog = TopicCatalog.from_settings(settings)
    make_topic = _memory_channel if in_memory else _faust_topic
    topics = PipelineTopics(*(make_topic(app, spec) for spec in catalog.all()))
    pipeline = Pipeline(app=app, settings=settings, catalog=catalog, topics=topics, health=Health())
    register_tag(pipeline)
    register_deliver(pipeline)
    register_web(pipeline)
    return pipeline


def _faust_topic(app: faust.App, spec: TopicSpec) -> faust.TopicT:
    return app.topic(
        spec.name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=spec.partitions,
    )


def _memory_channel(app: faust.App, spec: TopicSpec) -> faust.ChannelT:
    return app.channel(key_type=bytes, value_type=bytes, maxsize=10_000)
