"""The worker's web pages.

- ``/metrics``: Faust's sensors and Muster's counters, in Prometheus format; Faust's are named
  ``faust_*`` whatever the app id, so dashboards and alerts do not depend on it;
- ``/healthz``: 200 while every agent's loop runs, 503 otherwise, with progress per partition;
- ``/readyz``: 200 once partitions are assigned and tables recovered, 503 before and during a
  rebalance.
"""

from __future__ import annotations

from faust.sensors.prometheus import setup_prometheus_sensors
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from streams.app import Pipeline
from streams.healthcheck import HEALTH_PATH
from streams.metrics import REGISTRY

METRICS_PATH = "/metrics"
FAUST_METRICS_PATH = "/metrics/faust"
FAUST_METRICS_PREFIX = "faust"
READY_PATH = "/readyz"


def register_web(pipeline: Pipeline) -> None:
    app = pipeline.app
    faust_registry = CollectorRegistry(auto_describe=True)
    setup_prometheus_sensors(
        app, pattern=FAUST_METRICS_PATH, registry=faust_registry, name_prefix=FAUST_METRICS_PREFIX
    )

    @app.page(METRICS_PATH)
    async def metrics(web: View, request: Request) -> Response:
        body = generate_latest(REGISTRY) + generate_latest(faust_registry)
        return web.bytes(body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    @app.page(HEALTH_PATH)
    async def healthz(web: View, request: Request) -> Response:
        health = pipeline.health
        report = {"status": "ok" if health.live else "failing", **health.report()}
        return web.json(report, status=200 if health.live else 503)

    @app.page(READY_PATH)
    async def readyz(web: View, request: Request) -> Response:
        assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment())
        recovered = app.tables.recovery.completed.is_set()
        ready = bool(assigned) and recovered and not app.rebalancing
        report = {"ready": ready, "assigned": assigned, "tables_recovered": recovered}
        return web.json(report, status=200 if ready else 503)
