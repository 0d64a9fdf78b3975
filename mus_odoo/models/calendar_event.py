from odoo import api, models
from odoo.exceptions import UserError


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # What the MUS decides: its meeting moves with the MUS, stays private
    # between its two parties, and lives as long as the MUS.
    _MUS_SYNCED_FIELDS = {
        "start", "stop", "start_date", "stop_date", "duration", "allday", "location",
        "privacy", "partner_ids", "res_id", "res_model_id", "res_model", "active", "user_id",
    }

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
