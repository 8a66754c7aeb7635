from .ideas import ideas, new_idea, support
from .outcomes import you_said_we_did_page
from .pins import add_pin, hub
from .receipts import receipt

__all__ = ["add_pin", "hub", "ideas", "new_idea", "receipt", "support", "you_said_we_did_page"]
