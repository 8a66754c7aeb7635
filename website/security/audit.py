"""The security audit log: every staff sign-in, failure, lockout and permission change."""

import logging

logger = logging.getLogger("security.audit")
