"""Report.validate() while other threads change the report: each result is the validation of one
whole state of the report, never of a state half changed (bindings/python/src/nodes.hpp says how)."""

import threading

import xxgk


def _keys(issues):
    return [(i.code, i.key, i.expected, i.actual) for i in issues]


def test_validate_sees_one_state_while_another_thread_edits(sample):
    original = xxgk.loads(sample.dumps())  # the clean state, to restore from
    clean = _keys(sample.validate())
    sample.requests.granted.total = 10**6
    sample.requests.granted.natural_person = None
    faulty = _keys(sample.validate())
    assert faulty != clean and any(code == "XXGK-T3-005" for code, *_ in faulty)
    stop = threading.Event()

    def edit():
        # Flips the row between the two states, a cell at a time: every in-between state is a
        # report too, so only whole results are compared below.
        while not stop.is_set():
            sample.requests.granted.total = 10**6
            sample.requests.granted.natural_person = None
            sample.requests.granted.total = original.requests.granted.total
            sample.requests.granted.natural_person = original.requests.granted.natural_person

    seen = []

    def check():
        for _ in range(300):
            seen.append(_keys(sample.validate()))

    editor = threading.Thread(target=edit)
    checkers = [threading.Thread(target=check) for _ in range(2)]
    editor.start()
    for t in checkers:
        t.start()
    for t in checkers:
        t.join()
    stop.set()
    editor.join()
    assert len(seen) == 600
    # Each result equals the validation of the report in some state it passed through, made
    # again here in one thread.
    states = set()
    for total in (10**6, original.requests.granted.total):
        for person in (None, original.requests.granted.natural_person):
            sample.requests.granted.total = total
            sample.requests.granted.natural_person = person
            states.add(tuple(_keys(sample.validate())))
    assert {tuple(s) for s in seen} <= states
