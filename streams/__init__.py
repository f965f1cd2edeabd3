"""Muster: spot military mobilization in news as it streams through Kafka.

The package is split so that the pure core (``streams.article``, ``streams.normalize``,
``streams.tagger``, ``streams.events``) never imports Faust or aiokafka: it is importable
and testable with no broker and no event loop. The Faust app, topics and CLI sit at the edge.
"""

__version__ = "0.1.0"
