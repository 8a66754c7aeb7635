"""Who may read the partnership's community map pages and take their figures away.

Partnership analysts hold all three (the roles matrix, staff/roles.py); nothing here reaches a
pin."""

VIEW_REPORTS = "mapping.view_partnership_reports"
EXPORT = "mapping.export_map_data"
VIEW_EXPORTS = "mapping.view_mapexport"
