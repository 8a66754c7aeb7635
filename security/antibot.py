"""A cheap, invisible check against form-filling bots on the anonymous HTML forms, asking
nothing of a young person: a honeypot box nobody sees (the `hidden` attribute keeps it from
screens, screen readers and the keyboard; bots that fill every box fill it), and a minimum time
between the form being served and sent (a signed timestamp in the form).

A form caught by either is refused with a friendly message and shown again with everything that
was typed, so a person who trips it just presses Send again. A request without the timestamp (a
hand-made request rather than our form) is let through to the usual checks: such a client could
use the JSON API just as well, where rate limits and the distinct-contributor rule of the map are
the defence. `FORM_MIN_FILL_SECONDS` (3 by default) sets the minimum time."""

import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.html import format_html

HONEYPOT_FIELD = "leave_empty"
STARTED_FIELD = "form_started"
MESSAGE = "That was sent very quickly. Please check your answers and press Send again."
# The salt keeps the name of the module this began in: a new salt would refuse every form served
# before a deploy.
_SALT = "moderation.antibot.form-started"

logger = logging.getLogger("security.antibot")


def min_fill_seconds() -> float:
    return float(settings.FORM_MIN_FILL_SECONDS)


def started_token(now: float | None = None) -> str:
    return signing.dumps(now if now is not None else time.time(), salt=_SALT)


def bot_reason(data) -> str | None:
    """Why a submission looks like a bot's ("honeypot", "too-fast", "forged-time"), or None."""
    if str(data.get(HONEYPOT_FIELD, "") or "").strip():
        return "honeypot"
    token = data.get(STARTED_FIELD)
    if not token:
        return None
    try:
        started = float(signing.loads(str(token), salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return "forged-time"
    if time.time() - started < min_fill_seconds():
        return "too-fast"
    return None


class BotCheckFormMixin:
    """For an anonymous form rendered by our templates: they add `{{ form.bot_check }}`."""

    def clean(self):
        data = super().clean()
        reason = bot_reason(self.data)
        if reason is not None:
            logger.info("antibot.refused form=%s reason=%s", type(self).__name__, reason)
            raise forms.ValidationError(MESSAGE, code="bot-check")
        return data

    def bot_check(self):
        return format_html(
            '<div class="bot-check" hidden><label for="id_{0}">Leave this box empty</label>'
            '<input type="text" name="{0}" id="id_{0}" value="" autocomplete="off" tabindex="-1">'
            '</div><input type="hidden" name="{1}" value="{2}">',
            HONEYPOT_FIELD,
            STARTED_FIELD,
            started_token(),
        )
