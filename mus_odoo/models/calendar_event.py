from odoo import models
from odoo.exceptions import UserError


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # What the MUS decides: its meeting moves with the MUS, never alone.
    _MUS_SYNCED_FIELDS = {"start", "stop", "start_date", "stop_date", "duration", "allday", "location"}

    def write(self, vals):
        if not self.env.su and self._MUS_SYNCED_FIELDS & set(vals):
            mus_events = self.filtered(lambda event: event.res_model == "mus.interview" and event.res_id)
            if mus_events:
                raise UserError(self.env._(
                    "“%(event)s” is the meeting of a MUS: change its time or place from the MUS "
                    "(Postpone), so the employee is told why.",
                    event=mus_events[0].name,
                ))
        return super().write(vals)
