"""Bytes to text: BOM, UTF-8, or a detected encoding; never raises.

>>> decode("café".encode("utf-8"))
'café'
>>> decode("\\ufeffhello".encode("utf-16"))
'hello'
>>> text = "Le président a déclaré mercredi que la réforme serait présentée à l'Assemblée."
>>> decode(text.encode("cp1252")) == text
True
>>> decode(b"ok \\xff\\xfe\\xfa", encoding="utf-8")
'ok \\ufffd\\ufffd\\ufffd'
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``: with ``encoding`` if given, else by BOM, UTF-8, or detection.

    Bytes that cannot be decoded become U+FFFD; an unknown ``encoding`` name raises
    ``LookupError`` naming it.
    """
    if encoding is not None:
        codecs.lookup(encoding)  # an unknown name is a usage error, not bad data
        return data.decode(encoding, errors="replace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:1_000_000]))
    if not matches:
        return data.decode("cp1252", errors="replace")
    least_chaos = min(match.chaos for match in matches)
    names = [match.encoding for match in matches if match.chaos <= least_chaos]
    # Short texts fit several single-byte code pages equally well: prefer the ones
    # the web uses most.
    name = next((n for n in _COMMON_ON_THE_WEB if n in names), names[0])
    return data.decode(name, errors="replace")


_COMMON_ON_THE_WEB = (
    "cp1252",
    "cp1251",
    "gb18030",
    "shift_jis",
    "euc_kr",
    "big5",
    "cp1250",
    "iso8859_2",
    "koi8_r",
    "cp1256",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "euc_jp",
    "cp874",
)
