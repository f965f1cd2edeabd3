"""Faust agents: thin wiring from topics to the pure stages in ``streams.stages``.

Each agent decodes nothing itself; it calls a stage, sends what the stage returns, routes any
failure to the dead-letter topic with the original bytes, and counts. Kafka failures are not
caught: they crash the worker (``CrashingSupervisor``) so it exits non-zero instead of
restarting an agent silently.
"""
