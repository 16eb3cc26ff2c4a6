# SPDX-License-Identifier: Apache-2.0
"""Pseudonyms: validity, reversibility, what is kept, batches, threads."""

import threading
import time

import pytest

import dkcpr
from conftest import TEST_KEY, assert_same
from cprgen import cpr_numbers

NUMBERS = cpr_numbers(2000)


@pytest.fixture
def p():
    with dkcpr.Pseudonymizer(TEST_KEY, context="tests") as ps:
        yield ps


def test_round_trip_and_validity(p):
    for s in NUMBERS[:300]:
        out = p.pseudonymize(s)
        assert dkcpr.is_valid(out), (s, out)
        assert p.reveal(out) == s


def test_keeps_year_and_sex_by_default(p):
    for s in NUMBERS[:300]:
        a, b = dkcpr.parse(s), dkcpr.parse(p.pseudonymize(s))
        assert a.birth_date.year == b.birth_date.year
        assert a.sex == b.sex
        assert a.mod11 == b.mod11


def test_keep_date():
    with dkcpr.Pseudonymizer(TEST_KEY, keep=("date", "sex")) as p:
        for s in NUMBERS[:100]:
            assert dkcpr.parse(p.pseudonymize(s)).birth_date == dkcpr.parse(s).birth_date


def test_never_real_gives_replacement_numbers():
    with dkcpr.Pseudonymizer(TEST_KEY, never_real=True) as p:
        for s in NUMBERS[:100]:
            out = dkcpr.parse(p.pseudonymize(s), allow_replacement=True)
            assert out.replacement is dkcpr.Kind.REPLACEMENT


def test_written_the_way_it_came(p):
    for s in ["070761-4285", "070761 4285", "0707614285"]:
        out = p.pseudonymize(s)
        assert len(out) == len(s) and (len(s) == 10 or out[6] == s[6])


def test_deterministic_and_keyed():
    with dkcpr.Pseudonymizer(TEST_KEY) as a, dkcpr.Pseudonymizer(TEST_KEY) as b, \
            dkcpr.Pseudonymizer(TEST_KEY, context=b"other") as c, \
            dkcpr.Pseudonymizer(bytes(32)) as d:
        x = a.pseudonymize_many(NUMBERS)
        assert x == b.pseudonymize_many(NUMBERS)
        assert sum(u != v for u, v in zip(x, c.pseudonymize_many(NUMBERS))) > 1900
        assert sum(u != v for u, v in zip(x, d.pseudonymize_many(NUMBERS))) > 1900
    with dkcpr.Pseudonymizer(TEST_KEY, context="ctx") as s, \
            dkcpr.Pseudonymizer(TEST_KEY, context=b"ctx") as t:
        assert s.pseudonymize_many(NUMBERS[:50]) == t.pseudonymize_many(NUMBERS[:50])


def test_batch_equals_single_calls(p):
    many = p.pseudonymize_many(iter(NUMBERS))  # any iterable
    single = [p.pseudonymize(s) for s in NUMBERS]
    assert_same(many, single)
    assert p.reveal_many(many) == NUMBERS
    assert p.reveal_many(tuple(many)) == [p.reveal(s) for s in many]
    assert p.pseudonymize_many([]) == []


def test_batch_errors_none(p):
    out = p.pseudonymize_many(["0707614285", "511062-5629", "", None, "0707614285"],
                              errors="none")
    assert out[1] is None and out[2] is None and out[3] is None
    assert out[0] == out[4] == p.pseudonymize("0707614285")
    assert p.reveal_many([out[0], None], errors="none") == ["0707614285", None]
    # Missing values pass through whatever errors says; a wrong type does not.
    assert p.pseudonymize_many(["0707614285", None, float("nan")]) == [out[0], None, None]
    with pytest.raises(TypeError, match="item 1"):
        p.pseudonymize_many(["0707614285", 707614285])


def test_batch_long_lenient_element():
    with dkcpr.Pseudonymizer(TEST_KEY, lenient=True) as p:
        padded = " " * 100 + "070761-4285" + " " * 100
        out = p.pseudonymize_many(["070761-4285", padded])
        assert out[1] == " " * 100 + out[0] + " " * 100
        assert out[1] == p.pseudonymize(padded)


def test_token(p):
    t = p.token("070761-4285")
    assert len(t) == 26 and t == p.token("0707614285")
    assert set(t) <= set("abcdefghijklmnopqrstuvwxyz234567")
    assert len(p.token("0707614285", length=52)) == 52
    with dkcpr.Pseudonymizer(TEST_KEY, context="other") as q:
        assert q.token("0707614285") != t
    with pytest.raises(dkcpr.CprError) as err:
        p.token("0707614285", length=8)
    assert err.value.status == "DKCPR_E_ARG"


def test_threads_share_one_pseudonymizer(p):
    expected = p.pseudonymize_many(NUMBERS)
    results, errors = {}, []

    def work(i):
        try:
            mine = NUMBERS[i::4]
            for _ in range(20):
                got = p.pseudonymize_many(mine)
                assert got == expected[i::4]
                assert p.reveal_many(got) == mine
                assert [p.pseudonymize(s) for s in mine[:20]] == got[:20]
            results[i] = True
        except BaseException as e:  # reported in the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(results) == 4


def test_close_while_other_threads_work():
    p = dkcpr.Pseudonymizer(TEST_KEY)
    started = threading.Event()
    out = []

    def work():
        started.set()
        try:
            for _ in range(50):
                out.append(p.pseudonymize_many(NUMBERS))
        except ValueError:  # closed: the expected way to stop
            pass

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    p.close()
    t.join()
    assert all(len(x) == len(NUMBERS) for x in out)


def test_gil_released_during_batch():
    """Python code in another thread keeps running while a long batch is in the library.

    The main thread timestamps a loop that needs the GIL. Were the GIL held for
    the batch, the loop would stall for the whole call; released, its longest
    stall inside the call is only the part spent converting the list. The
    measure is relative to the call's own duration, so machine speed and load
    do not decide the outcome. keep=date makes the library part dominate.
    """
    big = cpr_numbers(150_000, serials_per_day=40)
    state = {"started": False, "done": False, "t0": 0.0, "t1": 0.0}

    def work():
        with dkcpr.Pseudonymizer(TEST_KEY, keep=("date",)) as q:
            state["started"] = True
            state["t0"] = time.monotonic()
            q.pseudonymize_many(big)
            state["t1"] = time.monotonic()
            state["done"] = True

    t = threading.Thread(target=work)
    t.start()
    while not state["started"]:
        pass
    stamps = []
    while not state["done"]:
        sum(range(2_000))  # bytecode: runs only while this thread holds the GIL
        stamps.append(time.monotonic())
    t.join()
    t0, t1 = state["t0"], state["t1"]
    inside = [t0] + [x for x in stamps if t0 < x < t1] + [t1]
    longest = max(b - a for a, b in zip(inside, inside[1:]))
    assert t1 - t0 > 0.05, "the batch was too short to tell"
    assert longest < 0.5 * (t1 - t0), "the batch call held the GIL"
