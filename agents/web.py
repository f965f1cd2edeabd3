"""The worker's web pages: ``/metrics`` (Faust's sensors and Muster's counters)."""

from __future__ import annotations

from faust.sensors.prometheus import setup_prometheus_sensors
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from streams.app import Pipeline
from streams.metrics import REGISTRY

METRICS_PATH = "/metrics"
FAUST_METRICS_PATH = "/metrics/faust"


def register_web(pipeline: Pipeline) -> None:
    app = pipeline.app
    faust_registry = CollectorRegistry(auto_describe=True)
    setup_prometheus_sensors(app, pattern=FAUST_METRICS_PATH, registry=faust_registry)

    @app.page(METRICS_PATH)
    async def metrics(web: View, request: Request) -> Response:
        body = generate_latest(REGISTRY) + generate_latest(faust_registry)
        return web.bytes(body, content_type=CONTENT_TYPE_LATEST)
