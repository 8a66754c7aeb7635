"""Why a moderation decision could not be made. `status` is the HTTP status a view answers with."""


class ModerationError(Exception):
    status = 409

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AlreadyDecided(ModerationError):
    pass


class ClaimedByOther(ModerationError):
    pass


class NotAllowed(ModerationError):
    status = 403


class DecisionError(ModerationError):
    """A safeguarding decision with missing or wrong fields: {field: message}."""

    status = 400

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors
