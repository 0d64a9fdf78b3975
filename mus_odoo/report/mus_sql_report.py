from odoo import api, models
from odoo.tools import SQL, drop_view_if_exists


class MusSqlReport(models.AbstractModel):
    """A read-only report over a SQL view, whose SELECT is ``_view_query()``.
    The view reads the tables of ``_report_sources`` directly, so their
    pending changes are written first: a report read right after a launch or
    a workflow step is current, and what an earlier read left in the cache is
    dropped."""

    _name = "mus.sql.report"
    _description = "MUS SQL Report"
    _report_sources = ("mus.interview", "mus.cycle")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        for model_name in self._report_sources:
            self.env[model_name].flush_model()
        self.invalidate_model()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    def init(self):
        if self._abstract:
            return
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._view_query(),
        ))

    def _view_query(self):
        """The SELECT of the view, one row per record."""
        raise NotImplementedError
