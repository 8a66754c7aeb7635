"""Security hardening of the whole site: headers and Content Security Policy, the staff second
factor, staff session rules, the JSON API's origin check and the security audit log."""
