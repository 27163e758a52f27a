"""The import sorts a chunk's search terms in slices merged item by item, so that the window (same process)
is never kept from drawing by one long sort; the order must be exactly sorted()'s."""

import random

from desktop_app.services.spreadsheets.import_types import sorted_in_slices


def test_sorted_in_slices_gives_sorted_order_at_every_size_around_the_slice():
    rng = random.Random(7)
    for n in (0, 1, 7, 8, 9, 16, 17, 100, 1000):
        items = [(rng.choice(["silva", "souza", "ana", "98", "987"]), f"k{rng.randrange(50)}", rng.randrange(10**6))
                 for _ in range(n)]
        assert sorted_in_slices(list(items), size=8) == sorted(items)


def test_sorted_in_slices_keeps_duplicates():
    items = [("ana", "a", 1)] * 20 + [("bia", "b", 2)] * 5
    assert sorted_in_slices(items[::-1], size=3) == sorted(items)
