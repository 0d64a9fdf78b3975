from odoo import api, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..tools import mus_visible_domain


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # What the MUS decides: its meeting moves with the MUS, stays private
    # between its two parties, and lives as long as the MUS.
    _MUS_SYNCED_FIELDS = {
        "start", "stop", "start_date", "stop_date", "duration", "allday", "location",
        "privacy", "partner_ids", "res_id", "res_model_id", "res_model", "active", "user_id",
    }

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Others see the parties busy (the calendar searches by attendee and
        time), but a search on what a meeting is about (its document, name,
        description, place, …) finds no MUS meeting one is no party of: it
        would tell who has a MUS with whom and when."""
        if self._mus_reveals(domain):
            domain = expression.AND([mus_visible_domain(self), domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _mus_reveals(self, domain):
        """Whether ``domain`` looks at more of a meeting than its time and
        attendees, which Odoo shows others of a private meeting too."""
        if self.env.is_superuser():
            return False
        shown = self._get_public_fields() | {"partner_ids", "attendee_ids"}
        return any(
            isinstance(leaf, (list, tuple)) and isinstance(leaf[0], str) and leaf[0].split(".")[0] not in shown
            for leaf in domain
        )

    def _mus_events(self):
        return self.filtered(lambda event: event.res_model == "mus.interview" and event.res_id)

    def _mus_refuse(self):
        raise UserError(self.env._(
            "“%(event)s” is the meeting of a MUS: change its time or place from the MUS "
            "(Postpone), so the employee is told why.",
            event=self._mus_events()[0].name,
        ))

    def write(self, vals):
        if not self.env.su and self._MUS_SYNCED_FIELDS & set(vals) and self._mus_events():
            self._mus_refuse()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_mus(self):
        if not self.env.su and self._mus_events():
            self._mus_refuse()
