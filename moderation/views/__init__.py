"""moderation's admin and public views. Admin permissions follow staff/admin.py: a refused staff
member gets Wagtail's own answer (back to the dashboard, with its message)."""
