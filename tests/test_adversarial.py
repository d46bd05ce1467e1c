"""Hostile and odd inputs: each must finish and give a sane result.

No timing is asserted here (``benchmarks/adversarial.py`` prints the figures); the
``timeout`` marker only turns a hang into a failure instead of a stuck test run.
Regression tests for fuzzing findings live at the end.
"""

from __future__ import annotations

import socket
import threading

import pytest

import newsclean
from newsclean import html as html_mod

pytestmark = pytest.mark.timeout(600)

PROSE = "Protesters gathered outside parliament in the capital on Monday evening."


# --- any input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        " \t\u00a0\u3000\n\r\n",
        "•",
        "• • •\n|\n»\n· · ·",
        "\ud800",  # a lone surrogate
        "\udfff text \ud83d",
        "\x00\x01\x02\x1b[31m red \x7f",
        "\u202eevil\u202c \u200f\u200e",
        "👩\u200d👩\u200d👧\u200d👦 family",
        "e\u0301\u0302\u0303\u0304" * 50,
        "\U000e0041\U000e0042 tag characters",
        "\ufeff\ufeffBOM twice",
        "a" * 1_000_000,
        "مرحبا بالعالم\nשלום עולם\nनमस्ते दुनिया\n你好，世界\nこんにちは\n안녕하세요",
        "<",
        "&",
        "<<<<>>>>&&&&;;;;",
        "<!--",
        "<![CDATA[",
        "<html>",
        "<html><body><p>unclosed",
        "<?xml version='1.0'?><p>x</p><p>y</p>",
    ],
)
def test_any_str_gives_str(text: str) -> None:
    out = newsclean.clean(text)
    assert isinstance(out, str)
    assert newsclean.clean(out) == out
    assert "\ufeff" not in out and "\x00" not in out


def test_lone_surrogates_become_replacement_characters() -> None:
    out = newsclean.clean("before \ud800 after")
    assert out == "before \ufffd after"
    out.encode("utf-8")  # the result can always be written out


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        (b"\xef\xbb\xbfHello", "Hello"),
        ("Grüße aus Köln".encode("utf-16"), "Grüße aus Köln"),
        ("Grüße aus Köln".encode("utf-32"), "Grüße aus Köln"),
        (b"\xff\xfe\xfd", None),
        (b"\x80\x81\x82\x83\xfe\xff" * 1000, None),
        (bytes(range(256)), None),
    ],
)
def test_bytes_are_decoded_never_raise(data: bytes, expected: str | None) -> None:
    out = newsclean.clean(data)
    assert isinstance(out, str)
    if expected is not None:
        assert out == expected


def test_undecodable_utf8_becomes_replacement_character() -> None:
    out = newsclean.decode.decode(b"ok \xff\xfe done", encoding="utf-8")
    assert out == "ok \ufffd\ufffd done"


@pytest.mark.parametrize("value", [None, 3, 2.5, ["text"], ("text",), {"text": 1}, object()])
def test_other_types_are_a_clear_type_error(value: object) -> None:
    with pytest.raises(TypeError, match=r"newsclean cleans str or bytes, not \w+"):
        newsclean.clean(value)  # type: ignore[arg-type]


# --- no hangs -------------------------------------------------------------------------


def test_100k_repeated_bullets() -> None:
    assert newsclean.clean("  •\n" * 100_000 + PROSE) == PROSE


def test_100k_duplicate_lines() -> None:
    assert newsclean.clean((PROSE + "\n") * 100_000) == PROSE


def test_10mb_without_a_newline() -> None:
    text = ("word " * 2_000_000).strip()
    out = newsclean.clean(text)
    assert out == text


def test_html_nested_100k_deep() -> None:
    html = "<div>" * 100_000 + f"<p>{PROSE}</p>" + "</div>" * 100_000
    out = newsclean.clean(html)
    assert PROSE in out
    assert "<div>" not in out


def test_html_nested_100k_deep_unclosed_mixed_tags() -> None:
    html = "<html><body>" + "<span><b><i><ul><li>" * 20_000 + PROSE
    assert PROSE in newsclean.clean(html)


def test_one_million_amp_entities() -> None:
    assert newsclean.clean("&amp;" * 1_000_000) == "&" * 1_000_000


def test_one_million_amp_entities_in_html() -> None:
    out = newsclean.clean("<html><body><p>" + "&amp;" * 1_000_000 + "</p></body></html>")
    assert out == "&" * 1_000_000


def test_catalogue_phrase_repeated_100k_times_as_lines() -> None:
    assert newsclean.clean("Advertisement\n" * 100_000 + PROSE) == PROSE


def test_catalogue_phrase_repeated_100k_times_on_one_line() -> None:
    text = "Oops! Something went wrong. " * 100_000
    assert newsclean.clean(text) == text.strip()


def test_long_line_of_bullets_and_separators() -> None:
    text = "• | » · " * 200_000
    assert isinstance(newsclean.clean(text), str)


# --- untrusted HTML -------------------------------------------------------------------


def _listener() -> tuple[socket.socket, list[bytes]]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    hits: list[bytes] = []

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        hits.append(conn.recv(1024))
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return server, hits


def test_xxe_reads_no_file_and_opens_no_connection(tmp_path: object) -> None:
    server, hits = _listener()
    port = server.getsockname()[1]
    secret = __file__  # any readable file
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [\n'
        f'<!ENTITY file SYSTEM "file://{secret}">\n'
        f'<!ENTITY net SYSTEM "http://127.0.0.1:{port}/xxe">\n'
        f'<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/dtd"> %remote;\n'
        f"]>\n<html><body><p>Start &file; middle &net; end.</p>"
        f'<img src="http://127.0.0.1:{port}/img"><p>Second paragraph.</p></body></html>'
    )
    out = newsclean.clean(page, html=True)
    server.close()
    assert hits == []
    assert "pytestmark" not in out  # nothing of the file came in
    assert "Start" in out and "Second paragraph." in out


def test_billion_laughs_is_not_expanded() -> None:
    entities = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        previous = "lol" if i == 1 else f"lol{i - 1}"
        entities.append(f'<!ENTITY lol{i} "{("&" + previous + ";") * 10}">')
    page = (
        "<?xml version='1.0'?><!DOCTYPE lolz [" + "".join(entities) + "]>"
        "<html><body><p>&lol9;</p><p>Real text.</p></body></html>"
    )
    out = newsclean.clean(page, html=True)
    assert len(out) < 1000
    assert "Real text." in out


def test_script_is_never_run_or_kept() -> None:
    page = (
        "<html><body><script>window.pwned = 1; document.write('INJECTED')</script>"
        "<p onclick=\"alert('x')\">Click text.</p><img src=x onerror=alert(1)>"
        "<iframe src='javascript:alert(1)'>FRAME</iframe></body></html>"
    )
    out = newsclean.clean(page)
    assert out == "Click text."


# --- regressions found by fuzzing (tests/fuzz/fuzz_clean.py) --------------------------


def test_control_characters_do_not_hide_markup_from_detection() -> None:
    # Control characters made the first run treat the text as plain and the second
    # (after the unicode step deleted them) as HTML: clean() was not idempotent.
    text = "\x03<html><body><p>Hello &amp; <b>world</b></p>\x00<ul><li>One</li></ul>"
    assert html_mod.looks_like_html(text)
    out = newsclean.clean(text)
    assert newsclean.clean(out) == out
    assert "<" not in out


def test_zero_width_characters_do_not_hide_markup_from_detection() -> None:
    assert html_mod.looks_like_html("<\u200bp>one</p><d\u00adiv>two</div>")
