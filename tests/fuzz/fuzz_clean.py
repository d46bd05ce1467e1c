"""Coverage-guided fuzzing of ``newsclean.clean()`` (text, bytes and the HTML path).

Run from the repository root (needs the ``fuzz`` extra: ``pip install -e '.[fuzz]'``)::

    python tests/fuzz/fuzz_clean.py -max_total_time=600 tests/fuzz/corpus

Each input is checked against the invariants the property tests state: ``clean()``
returns a ``str``, never raises, is idempotent, and leaves no trailing spaces, no
runs of three newlines and no zero-width or control characters. A failing input is
written by libFuzzer as ``crash-*``; turn it into a test in ``tests/test_adversarial.py``.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import newsclean
    from newsclean import html as html_mod

FORBIDDEN = {"\u200b", "\u2060", "\ufeff", "\u00ad"}


def check(out: object, where: str) -> None:
    if not isinstance(out, str):
        raise AssertionError(f"{where}: returned {type(out).__name__}")
    if "\n\n\n" in out:
        raise AssertionError(f"{where}: run of 3 newlines in {out!r}")
    for line in out.split("\n"):
        if line != line.rstrip():
            raise AssertionError(f"{where}: trailing space in {line!r}")
    for ch in out:
        if ch in FORBIDDEN or (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) < 0xA0:
            raise AssertionError(f"{where}: forbidden character {ch!r} in {out!r}")


# With NEWSCLEAN_FUZZ_FINDINGS=DIR, a broken invariant is written to DIR and fuzzing goes
# on (one file per distinct message start); exceptions from clean() still stop the run.
FINDINGS = os.environ.get("NEWSCLEAN_FUZZ_FINDINGS")


def test_one_input(data: bytes) -> None:
    try:
        _one_input(data)
    except AssertionError as exc:
        if not FINDINGS:
            raise
        message = str(exc)
        name = hashlib.sha1(message[:30].encode("utf-8", "replace")).hexdigest()[:12]
        path = Path(FINDINGS) / f"finding-{name}"
        if not path.exists():
            path.write_bytes(data)
            path.with_suffix(".txt").write_text(message, "utf-8", errors="replace")


def _one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 0:
        text: str | bytes = fdp.ConsumeUnicode(fdp.remaining_bytes())
    elif mode == 1:
        text = fdp.ConsumeBytes(fdp.remaining_bytes())
    elif mode == 2:
        # The HTML path, forced on whatever the input looks like.
        body = fdp.ConsumeUnicode(fdp.remaining_bytes())
        out = newsclean.clean(body, html=True)
        check(out, "clean(html=True)")
        return
    else:
        body = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        text = f"<html><body><p>{body}</p><div>{body}</div></body></html>"
    out = newsclean.clean(text)
    check(out, "clean")
    if html_mod.looks_like_html(out):
        # Known limit: text whose words are markup ("&lt;p&gt;" in a page, a tag behind
        # control characters the first run deleted) reads as HTML to the second run.
        return
    again = newsclean.clean(out)
    if again != out:
        raise AssertionError(f"not idempotent: {text!r} -> {out!r} -> {again!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
