"""PDF/A-3a and PDF/UA-1 at once: archival and accessible in the same file.

WeasyPrint 70 takes one ``pdf_variant``. ``pdf/a-3a`` gives everything PDF/A-3 level A asks
(tags, an sRGB output intent, a file identifier, printable annotations, ``pdfaid`` in the XMP
metadata); PDF/UA-1 asks for the same tags, ``/Lang``, ``DisplayDocTitle`` (which WeasyPrint
sets with the tags) and, in the XMP metadata, ``pdfuaid:part="1"``. So the PDF is made as
PDF/A-3a and :func:`claim_pdf_ua` adds that one statement to the metadata stream WeasyPrint
wrote, in the same ``rdf:Description`` as ``pdfaid``, before the file is written.

What a validator checks beyond this (every structure element's role, alternative texts,
table headers) comes from the templates and the sanitised bodies; tests/test_pdf_quality.py
checks what the tools on this machine can (see the README's « Reports » section).
"""

from __future__ import annotations

from typing import Any

PDF_VARIANT = "pdf/a-3a"
PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/"
_PDFAID_PART = b'pdfaid:part="3"'


def claim_pdf_ua(_document: Any, pdf: Any) -> None:
    """A WeasyPrint finisher: state PDF/UA-1 beside PDF/A-3a in the XMP metadata.

    ``pdf`` is WeasyPrint's :class:`pydyf.PDF` after its variant function ran. The metadata
    stream is changed in place (no second stream: an orphan object would be dead weight).
    """
    reference = pdf.catalog.get("Metadata")
    if reference is None:
        raise RuntimeError("WeasyPrint wrote no XMP metadata: cannot claim PDF/UA-1")
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    stream = pdf.objects[int(text.split()[0])]
    content = b"".join(
        part if isinstance(part, bytes) else str(part).encode() for part in stream.stream
    )
    if b"pdfuaid:part" in content:
        return
    if _PDFAID_PART not in content:
        raise RuntimeError("the XMP metadata has no pdfaid:part=3 to stand beside")
    claim = f'xmlns:pdfuaid="{PDFUA_NAMESPACE}" pdfuaid:part="1" '.encode()
    stream.stream = [content.replace(_PDFAID_PART, claim + _PDFAID_PART, 1)]
