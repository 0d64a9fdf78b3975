from odoo import api, models
from odoo.osv import expression

from ..tools import mus_hidden_sql, mus_hidden_through, with_hidden


class CalendarAttendee(models.Model):
    """Who attends the meeting of a MUS is its parties' to see, like its
    followers: to anyone else the two are only busy."""

    _inherit = "calendar.attendee"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        return with_hidden(result, mus_hidden_through(self - result[0] if result else self, "event_id"), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.is_superuser():
            hidden = mus_hidden_sql(self.env["calendar.event"])
            domain = expression.AND([[("event_id", "not in", hidden)], domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)
