from datetime import datetime

import pytz
from werkzeug.urls import url_encode

from odoo import api, fields, models
from odoo.addons.portal.utils import validate_thread_with_hash_pid, validate_thread_with_token
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, is_html_empty, plaintext2html

from ..workflow import EMPLOYEE


class MusInterview(models.Model):
    """The employee's page of a MUS in the portal, reached as a portal user or by the link in
    the invitation, and what the employee does there."""

    _inherit = "mus.interview"

    def _compute_access_url(self):
        for interview in self:
            interview.access_url = f"/my/mus/{interview.id}"

    def _portal_ensure_token(self):
        return super(MusInterview, self.sudo())._portal_ensure_token()

    def get_portal_url(self, suffix=None, report_type=None, download=None, query_string=None, anchor=None):
        """The portal page, without the access token: the token acts as the
        employee, so it is only in the employee's own invitation email
        (``_mus_employee_portal_url``), never returned to a caller."""
        self.ensure_one()
        params = {key: value for key, value in (("report_type", report_type), ("download", download and "true"))
                  if value}
        query = url_encode(params)
        if query_string:
            query = f"{query}&{query_string.lstrip('&?')}" if query else query_string.lstrip("&?")
        return f"{self.access_url}{suffix or ''}{'?' + query if query else ''}{'#' + anchor if anchor else ''}"

    def _get_share_url(self, redirect=False, signup_partner=False, pid=None, share_token=True):
        """A MUS is not shared (``portal.share``): the link carries neither
        the access token nor a signed partner hash."""
        return super()._get_share_url(redirect=redirect, signup_partner=False, pid=None, share_token=False)

    def _mus_employee_portal_url(self):
        """The link with the access token, for the employee's own email only."""
        self.ensure_one()
        return f"{self.get_base_url()}{self.access_url}?{url_encode({'access_token': self._portal_ensure_token()})}"

    def get_mus_open_url(self):
        """The link to the MUS in a message body: no token (a stored body is
        read by the other party and by its author too); Odoo's redirect
        opens the portal page or the form, after a login if needed."""
        self.ensure_one()
        return f"{self.get_base_url()}/mail/view?model={self._name}&res_id={self.id}"

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        """The chatter of a MUS (its messages, files, followers, scheduled
        messages, as Odoo's mail, discuss and portal routes reach them) is
        its parties': reading or writing the MUS's status (HR) is not
        enough. The employee's access token (or a link signed for a party)
        still opens it, as the portal page does."""
        thread = super()._get_thread_with_access(thread_id, mode, **kwargs)
        if not thread or self.env.su or self._mus_party_ids([thread.id]):
            return thread
        sudo = self.browse(thread_id).sudo()
        pid = kwargs.get("pid")
        if validate_thread_with_token(sudo, kwargs.get("token")) or (
            pid and str(pid).isdigit() and int(pid) in sudo._mus_party_partner_ids()[sudo.id]
            and validate_thread_with_hash_pid(sudo, kwargs.get("hash"), pid)
        ):
            return thread
        return self.browse()

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        """The link with the access token goes into the email of the
        employee alone, rendered for them (the header link of the mail
        layout), never into the message body that the chatter keeps."""
        groups = super()._notify_get_recipients_groups(message, model_description, msg_vals=msg_vals)
        if len(self) != 1:
            return groups
        employee_partners = (self.sudo().employee_id.work_contact_id | self.sudo().employee_user_id.partner_id).ids
        url = self._mus_employee_portal_url()
        groups.insert(0, (
            "mus_employee",
            lambda pdata: pdata["id"] in employee_partners,
            {"active": True, "has_button_access": True,
             "button_access": {"url": url, "title": self.env._("Open my MUS")}},
        ))
        return groups

    def _mus_check_employee(self):
        """The portal acts in sudo: make sure the user is the employee."""
        self.ensure_one()
        if EMPLOYEE not in self._mus_roles():
            raise AccessError(self.env._("Only the employee of %(interview)s can do this.",
                                         interview=self.display_name))

    @api.model
    def _mus_offered_domain(self):
        """Offered: by a cycle or an invitation (a planned MUS is not yet)."""
        return ["|", ("offered_on", "!=", False), ("state", "!=", "draft")]

    @api.model
    def _mus_portal_domain(self, user):
        """The interviews ``user`` finds in the portal: their own, once
        offered, and not cancelled."""
        user.ensure_one()
        return [*self._mus_party_domain(user, (EMPLOYEE,)), ("state", "!=", "cancelled"), *self._mus_offered_domain()]

    def _mus_portal_answers(self):
        """The questions of the template, in the order of the themes."""
        return self.answer_ids.sorted(lambda a: (a.theme_sequence, a.question_sequence, a.id))

    def _mus_check_portal_write(self, error):
        """The portal writes as the employee, in sudo: it must be the employee,
        and ``error`` (the backend's own rule for what is written) must be None."""
        self._mus_check_employee()
        if error:
            raise error

    def _mus_portal_save_preparation(self, notes):
        """Write the employee's preparation: ``notes`` maps answer ids to
        texts. The same rule as in the backend decides whether they may."""
        self._mus_check_portal_write(self._mus_note_error("employee_note"))
        for answer in self.answer_ids:
            if answer.id in notes and (answer.employee_note or "") != notes[answer.id]:
                answer.employee_note = notes[answer.id]

    def _mus_portal_save_feedback(self, text):
        """Write the employee's feedback to the leader from the portal's plain
        text. The same rule as in the backend decides whether they may."""
        self._mus_check_portal_write(self._mus_field_error("employee_feedback"))
        if text is None:
            return
        text = text.strip()
        if text != self._mus_portal_feedback_text():
            self.employee_feedback = plaintext2html(text) if text else False

    def _mus_portal_feedback_text(self):
        """The feedback as the portal's plain text."""
        return "" if is_html_empty(self.employee_feedback) else html2plaintext(self.employee_feedback).strip()

    def _mus_request_move(self, proposed_date, message):
        """The employee asks to move the interview: the leader gets a to-do
        with the proposed time; only the leader or HR can postpone."""
        self._mus_check_employee()
        if self.state not in self._workflow_transition("postpone").sources:
            raise UserError(self.env._(
                "%(interview)s is %(state)s: the time can no longer be moved.",
                interview=self.display_name, state=self._state_label(),
            ))
        if not proposed_date or fields.Datetime.to_datetime(proposed_date) <= fields.Datetime.now():
            raise UserError(self.env._("Propose a new date and time in the future."))
        proposed = self.with_context(lang=self.leader_user_id.lang or self.env.lang)
        leader_env = proposed.env
        text = leader_env._(
            "%(employee)s asks to move the MUS to %(date)s. %(message)s",
            employee=self.employee_id.name,
            date=proposed._format_leader_datetime(proposed_date),
            message=message or "",
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.today(),
            user_id=self.leader_user_id.id,
            summary=leader_env._("Move the MUS of %(employee)s", employee=self.employee_id.name),
            note=text,
        )
        self.message_post(body=text, subtype_xmlid="mail.mt_note")

    def _mus_portal_datetime(self, value):
        """A ``datetime-local`` input of the portal, in the employee's time
        zone, as a UTC datetime."""
        local = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        tz = pytz.timezone(self.employee_id.tz or "UTC")
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
