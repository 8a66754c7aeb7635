"""Mail servers that misbehave, for the alert delivery tests (settings.EMAIL_BACKEND)."""

import time

from django.core.mail.backends.base import BaseEmailBackend


class Down(BaseEmailBackend):
    """The mail server refuses every connection."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


class Slow(BaseEmailBackend):
    """The mail server answers, after a long time."""

    def send_messages(self, messages):
        time.sleep(5)
        return len(messages)
