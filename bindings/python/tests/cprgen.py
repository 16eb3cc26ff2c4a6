# SPDX-License-Identifier: Apache-2.0
"""Valid CPR numbers built from their rules, independent of the library."""

import datetime


def cpr_numbers(count: int, start=datetime.date(1900, 1, 1), serials_per_day: int = 100):
    """count distinct numbers born 1900-1999 (7th digit 0-3), in order."""
    out = []
    day = start
    one = datetime.timedelta(days=1)
    while len(out) < count:
        assert day.year <= 1999, "ask for fewer numbers"
        prefix = day.strftime("%d%m%y")
        for serial in range(min(serials_per_day, count - len(out))):
            # spread over the 7th digit 0-3 and both sexes
            out.append(f"{prefix}{(serial * 37) % 4000:04d}")
        day += one
    return out
