"""Which tagged articles the deliver agent has already delivered: re-sends and redeliveries."""

from __future__ import annotations


class DeliveryLedger:
    """Which tagged articles are already delivered, as the deliver agent decides it.

    A copy from another raw offset than the one its content was first read at (the fingerprint
    table's entry) is a re-send of the same content: always dropped. A copy from the same raw
    offset is a redelivery. At-least-once delivers it again, with the same bytes: the first
    delivery's events may not have been written. Under exactly-once, a copy that this process
    has already delivered was fetched again by a seek within the worker (its first events are
    committed, or in the open transaction that commits with its offset): it is dropped. The
    record is per process, so it starts empty after a crash, when the open transaction is
    aborted and every uncommitted article must be delivered again. Each raw partition's
    articles reach the deliver agent in offset order, so its highest delivered offset is
    enough to remember.
    """

    def __init__(self, *, exactly_once: bool) -> None:
        self._exactly_once = exactly_once
        self._delivered_up_to: dict[str, int] = {}

    def is_repeat(self, first_origin: str | None, origin: str) -> bool:
        """Whether the copy read at raw ``origin`` (``topic:partition:offset``) is dropped."""
        if first_origin is not None and first_origin != origin:
            return True
        if not self._exactly_once:
            return False
        partition, offset = _split_origin(origin)
        return offset <= self._delivered_up_to.get(partition, -1)

    def delivered(self, origin: str) -> None:
        """Remember that the article read at ``origin`` has been delivered."""
        if self._exactly_once:
            partition, offset = _split_origin(origin)
            self._delivered_up_to[partition] = max(offset, self._delivered_up_to.get(partition, -1))


def _split_origin(origin: str) -> tuple[str, int]:
    partition, _, offset = origin.rpartition(":")
    return partition, int(offset)
