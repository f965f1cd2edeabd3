"""The deliver agent's re-send and redelivery decisions (``streams/delivery_ledger.py``)."""

from streams.delivery_ledger import DeliveryLedger


def test_a_resend_of_the_same_content_is_always_a_repeat() -> None:
    for exactly_once in (False, True):
        ledger = DeliveryLedger(exactly_once=exactly_once)
        assert not ledger.is_repeat(None, "raw:0:5")
        ledger.delivered("raw:0:5")
        assert ledger.is_repeat("raw:0:5", "raw:1:9")


def test_at_least_once_delivers_a_redelivery_again() -> None:
    ledger = DeliveryLedger(exactly_once=False)
    ledger.delivered("raw:0:5")
    assert not ledger.is_repeat("raw:0:5", "raw:0:5")


def test_exactly_once_drops_what_this_process_delivered_up_to_each_partition() -> None:
    ledger = DeliveryLedger(exactly_once=True)
    for offset in (5, 6, 7):
        ledger.delivered(f"raw:0:{offset}")
    assert ledger.is_repeat("raw:0:6", "raw:0:6")  # fetched again by a seek
    assert ledger.is_repeat(None, "raw:0:7")
    assert not ledger.is_repeat(None, "raw:0:8")
    assert not ledger.is_repeat(None, "raw:1:2"), "each raw partition counts on its own"
    # After a crash the ledger is new: the aborted transaction's articles are delivered again.
    assert not DeliveryLedger(exactly_once=True).is_repeat("raw:0:6", "raw:0:6")
