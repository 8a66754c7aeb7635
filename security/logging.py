"""A last line of defence for the application logs: whatever a log line carries, network
addresses, receipt codes and precise coordinates are masked before it is written.

Code should not log these in the first place (the log canary test checks the raw records); this
filter catches what third-party code logs, such as Django's "Not Found: <path>" for a receipt
code in an API path."""

import logging
import re

_PATTERNS = [
    # IPv4, and IPv6 with at least four groups or a "::" (times like 18:45:24 are left alone).
    (re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"), "[address]"),
    (
        re.compile(
            r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}(?![\w:])"
            r"|(?<![\w:])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{1,4})*::(?:[0-9a-fA-F]{1,4}:?)*"
        ),
        "[address]",
    ),
    # Receipt codes: three words and two digits (maple-otter-kite-48).
    (re.compile(r"\b[a-zA-Z]{2,12}-[a-zA-Z]{2,12}-[a-zA-Z]{2,12}-\d{2}\b"), "[receipt]"),
    # Coordinates: decimals with four or more places (about 10 m and finer).
    (re.compile(r"-?\b\d{1,3}\.\d{4,}\b"), "[number]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
