from datetime import timedelta
from urllib.parse import urlparse

from odoo import fields, models

from ..tools import format_mus_datetime, ical_event


class MusInterview(models.Model):
    """The meeting of a MUS in both parties' calendars, and its dates in each party's language."""

    _inherit = "mus.interview"

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }

    def _employee_lang(self):
        return self.employee_id.work_contact_id.lang or self.employee_user_id.lang or self.env.lang

    def _employee_lang_env(self):
        """An environment in the employee's language, for what they are told."""
        return self.with_context(lang=self._employee_lang()).env

    def _format_datetime(self, value):
        """``value`` as the employee reads dates: their time zone and language."""
        if not value:
            return ""
        tz = self.employee_id.tz or self.env.user.tz or "UTC"
        return format_mus_datetime(self.env, value, tz=tz, lang_code=self._employee_lang())

    def _prepare_calendar_event_vals(self):
        start = self.scheduled_date
        return {
            "name": self.env._("MUS: %(employee)s", employee=self.employee_id.name),
            "start": start,
            "stop": start + timedelta(hours=self.duration or 1.0),
            "duration": self.duration or 1.0,
            "location": self.location or False,
            "user_id": self.leader_user_id.id or self.env.user.id,
            "partner_ids": [fields.Command.set(
                (self.employee_id.work_contact_id | self.leader_id.work_contact_id).ids
            )],
            "privacy": "private",
            "show_as": "busy",
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "description": self.env._(
                "Employee development interview (MUS) between %(employee)s and %(leader)s.",
                employee=self.employee_id.name, leader=self.leader_id.name or "",
            ),
        }

    def _sync_calendar_event(self):
        """Create or update the meeting of each interview with a date."""
        Event = self.env["calendar.event"].sudo().with_context(
            no_mail_to_attendees=True, dont_notify=True, mail_create_nosubscribe=True,
        )
        dated = self.filtered("scheduled_date")
        for interview in dated.filtered("calendar_event_id"):
            interview.calendar_event_id.with_env(Event.env).write(interview._prepare_calendar_event_vals())
        new = dated - dated.filtered("calendar_event_id")
        events = Event.create([interview._prepare_calendar_event_vals() for interview in new])
        for interview, event in zip(new, events, strict=True):
            interview.sudo().calendar_event_id = event

    def _mus_portal_ics(self):
        """The meeting as an iCalendar file for the employee's own calendar:
        when, where and with whom, nothing of the talk's content. The UID
        stays the same when the meeting moves, so a calendar that imports
        the file again updates the meeting rather than adding one."""
        self.ensure_one()
        start = self.scheduled_date
        return ical_event(
            uid=f"mus-interview-{self.id}@{urlparse(self.get_base_url()).hostname or 'localhost'}",
            start=start,
            stop=start + timedelta(hours=self.duration or 1.0),
            summary=self._employee_lang_env()._("MUS with %(leader)s", leader=self.leader_id.name or ""),
            stamp=fields.Datetime.now(),
            location=self.location,
            url=f"{self.get_base_url()}{self.access_url}",
        )

    def _format_leader_datetime(self, value):
        """``value`` as the leader reads it: their time zone and language."""
        tz = self.leader_user_id.tz or self.employee_id.tz or "UTC"
        return format_mus_datetime(
            self.env, fields.Datetime.to_datetime(value), tz=tz, lang_code=self.leader_user_id.lang or self.env.lang,
        )
