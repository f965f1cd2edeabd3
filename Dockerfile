# The Muster worker: `docker build -t muster .` then `docker run muster` (runs `muster worker`).
# Settings come from MUSTER_* variables (`muster settings` lists them); the ones set here
# suit a container: listen on every interface, JSON logs, state under /var/lib/muster.

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY agents ./agents
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MUSTER_WEB_HOST=0.0.0.0 \
    MUSTER_WEB_PORT=6066 \
    MUSTER_LOG_FORMAT=json \
    MUSTER_DATA_DIR=/var/lib/muster
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl \
    && rm -rf /wheels \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin muster \
    && install -d -o muster -g muster /var/lib/muster
USER 10001:10001
WORKDIR /var/lib/muster
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "streams.healthcheck"]
ENTRYPOINT ["muster"]
CMD ["worker"]
