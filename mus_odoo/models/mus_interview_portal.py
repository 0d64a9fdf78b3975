import base64
from datetime import datetime

import pytz

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime

from ..workflow import EMPLOYEE, LEADER

PLAN_REPORT = "mus_odoo.action_report_mus_development_plan"


class MusInterview(models.Model):
    """The employee's side of a MUS outside the backend: the portal page
    (``/my/mus/<id>``, reached by a portal user linked to the employee or by
    the access token of the invitation mail), the PDF copies of the plan and
    of the interview, and the signed plan mailed to the employee.

    The portal and the mail act on behalf of the employee, in sudo, after the
    controller has checked the party or the token: everything here re-checks
    the workflow's own predicates, which sudo would otherwise skip.
    """

    _name = "mus.interview"
    _inherit = ["mus.interview", "portal.mixin"]

    # The token lets whoever holds it act as the employee: only the
    # superuser reads or writes it (the invitation mail gets it in sudo).
    access_token = fields.Char(groups="base.group_system")

    def _compute_access_url(self):
        for interview in self:
            interview.access_url = f"/my/mus/{interview.id}"

    def _portal_ensure_token(self):
        return super(MusInterview, self.sudo())._portal_ensure_token()

    def get_mus_open_url(self):
        """The link to the MUS in a message body: no token (a stored body is
        read by the other party and by its author too); Odoo's redirect
        opens the portal page or the form, after a login if needed."""
        self.ensure_one()
        return f"{self.get_base_url()}/mail/view?model={self._name}&res_id={self.id}"

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        """The link with the access token goes into the email of the
        employee alone, rendered for them (the header link of the mail
        layout), never into the message body that the chatter keeps."""
        groups = super()._notify_get_recipients_groups(message, model_description, msg_vals=msg_vals)
        if len(self) != 1:
            return groups
        employee_partners = (self.sudo().employee_id.work_contact_id | self.sudo().employee_user_id.partner_id).ids
        url = self.get_base_url() + self.get_portal_url()
        groups.insert(0, (
            "mus_employee",
            lambda pdata: pdata["id"] in employee_partners,
            {"active": True, "has_button_access": True,
             "button_access": {"url": url, "title": self.env._("Open my MUS")}},
        ))
        return groups

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.display_name

    # ------------------------------------------------------------------
    # Reports: parties only
    # ------------------------------------------------------------------
    def _mus_check_party_access(self):
        """Raise unless the current user is the employee or the leader of
        every interview: HR follows the status, never the content, so it
        prints nothing. Internal code rendering on a party's behalf runs in
        sudo after its own check."""
        if self.env.su:
            return
        for interview in self.sudo():
            if not interview._mus_roles() & {EMPLOYEE, LEADER}:
                raise AccessError(self.env._(
                    "Only the employee and the leader of a MUS can print it."
                ))

    def action_print_plan(self):
        self._mus_check_party_access()
        return self.env.ref(PLAN_REPORT).report_action(self)

    def action_print_summary(self):
        self._mus_check_party_access()
        return self.env.ref("mus_odoo.action_report_mus_interview_summary").report_action(self)

    # ------------------------------------------------------------------
    # Portal: what the employee does there
    # ------------------------------------------------------------------
    def _mus_check_employee(self):
        """The portal acts in sudo: make sure the user is the employee."""
        self.ensure_one()
        if EMPLOYEE not in self._mus_roles():
            raise AccessError(self.env._("Only the employee of %(interview)s can do this.",
                                         interview=self.display_name))

    def _mus_portal_answers(self):
        """The questions of the template, in the order of the themes."""
        return self.answer_ids.sorted(lambda a: (a.theme_sequence, a.question_sequence, a.id))

    def _mus_portal_save_preparation(self, notes):
        """Write the employee's preparation: ``notes`` maps answer ids to
        texts. The same rule as in the backend decides whether they may."""
        self._mus_check_employee()
        error = self._mus_note_error("employee_note")
        if error:
            raise error
        for answer in self.answer_ids:
            if answer.id in notes and (answer.employee_note or "") != notes[answer.id]:
                answer.employee_note = notes[answer.id]

    def _mus_request_move(self, proposed_date, message):
        """The employee asks to move the interview: the leader gets a to-do
        with the proposed time; only the leader or HR can postpone."""
        self._mus_check_employee()
        if self.state not in ("invited", "preparation"):
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

    def _format_leader_datetime(self, value):
        tz = self.leader_user_id.tz or self.employee_id.tz or "UTC"
        return format_datetime(self.env, fields.Datetime.to_datetime(value), tz=tz, dt_format="EEEE d MMMM y, HH:mm")

    # ------------------------------------------------------------------
    # The signed plan goes to the employee
    # ------------------------------------------------------------------
    def _do_sign(self, party, signature):
        result = super()._do_sign(party, signature)
        signed = self.filtered(lambda interview: interview.plan_id.is_signed)
        if signed:
            signed._mus_send_signed_plan()
        return result

    def _mus_send_signed_plan(self):
        """Attach the PDF of the signed plan to the interview and queue it to
        the employee in their language, whoever signed last."""
        template = self.env.ref("mus_odoo.mail_template_mus_plan_signed").sudo()
        for interview in self.sudo():
            pdf, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(PLAN_REPORT, interview.ids)
            name = interview.with_context(lang=interview._employee_lang()).env._(
                "Development plan %(year)s - %(employee)s.pdf",
                year=interview.year, employee=interview.employee_id.name,
            )
            attachment = self.env["ir.attachment"].sudo().create({
                "name": name,
                "type": "binary",
                "datas": base64.b64encode(pdf),
                "res_model": interview._name,
                "res_id": interview.id,
                "mimetype": "application/pdf",
            })
            template.send_mail(
                interview.id, force_send=False,
                email_values={"attachment_ids": [Command.link(attachment.id)]},
            )
            interview.message_post(
                body=self.env._(
                    "The signed development plan was sent to %(employee)s.",
                    employee=interview.employee_id.name,
                ),
                attachment_ids=attachment.ids,
                subtype_xmlid="mail.mt_note",
            )
