import base64
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL

from .. import workflow
from ..sql_insert import insert_into

PLAN_REPORT = "mus_odoo.action_report_mus_development_plan"


class MusInterview(models.Model):
    """What a MUS carries from last year and into the next: the review of last year's plan, the
    answer lines, the development plan, its follow-up, the printed and signed plan."""

    _inherit = "mus.interview"

    def _relink_previous_interview(self):
        """After the employee or year changed: that employee's own past."""
        self.review_ids.sudo().unlink()
        self.sudo().previous_interview_id = False
        self._link_previous_interview()

    def _link_previous_interview(self, resync=False):
        """Remember the employee's previous MUS (the last one held in an
        earlier year) and, when the template has a theme that reviews it
        ("Siden sidste MUS"), bring its plan's goals in for review.
        ``resync``: the interviews may have review lines already, which
        follow the goals of the (new) previous plan (see ``_sync_review_lines``)."""
        previous = self.sudo().search([
            ("employee_id", "in", self.employee_id.ids),
            ("id", "not in", self.ids),
            ("state", "in", workflow.HELD_STATES),
        ], order="year desc, scheduled_date desc, id desc")
        by_employee = defaultdict(list)
        for other in previous:
            by_employee[other.employee_id.id].append(other)
        linked = defaultdict(lambda: self.browse())
        for interview in self:
            last = next(
                (other for other in by_employee[interview.employee_id.id] if other.year < interview.year),
                self.browse(),
            )
            # A new interview has no previous one yet (and no query to tell).
            if last != (interview.sudo().previous_interview_id if resync else self.browse()):
                linked[last] |= interview
        for last, interviews in linked.items():
            interviews.sudo().previous_interview_id = last
        self._sync_review_lines(resync)

    def _sync_review_lines(self, resync=False):
        """One review line per goal of the previous plan, when the template
        reviews it. With ``resync``, a line already there is kept with what
        was written in it: matched by its goal, or by the goal that now
        continues it (``mus.development.goal.review_id``); a line with
        nothing written in it and no goal left goes, one with text stays."""
        Review = self.env["mus.goal.review"].sudo()
        review_vals = []
        stale = Review
        reviewing = {}
        for interview in self.sudo():
            last = interview.previous_interview_id
            if not (last or resync) or last.anonymised_on:
                # Nothing to review, or retention erased it: the lines keep their copy.
                continue
            template = interview.template_id
            if template not in reviewing:
                reviewing[template] = bool(template.theme_ids.filtered("review_previous_plan"))
            goals = last.plan_id.goal_ids if reviewing[template] else last.plan_id.goal_ids.browse()
            lines = interview.review_ids if resync else Review
            for goal in goals:
                vals = {
                    "previous_goal_id": goal.id,
                    "sequence": goal.sequence,
                    "goal": goal.name,
                    "previous_actions": goal.actions,
                    "previous_status": goal.status,
                    "previous_progress": goal.progress,
                }
                line = lines.filtered(lambda r, g=goal: r.previous_goal_id == g)[:1] or lines.filtered(
                    lambda r, g=goal: r.previous_goal_id and r.previous_goal_id == g.review_id.previous_goal_id
                )[:1]
                if line:
                    lines -= line
                    line.write(vals)
                else:
                    review_vals.append({"interview_id": interview.id, **vals})
            stale |= lines.filtered(lambda r: not r._has_content())
        stale.unlink()
        Review.create(review_vals)

    def _relink_later_interviews(self):
        """This MUS was held or its plan signed: the employee's MUS of a
        later year not held yet (launched early, say) reviews this plan."""
        later = self.sudo().search([
            ("employee_id", "in", self.employee_id.ids),
            ("id", "not in", self.ids),
            ("state", "in", workflow.PLANNING_STATES),
        ])
        later = later.filtered(lambda other: any(
            other.employee_id == interview.employee_id and other.year > interview.year for interview in self
        ))
        later.with_env(self.env)._link_previous_interview(resync=True)

    def _generate_answers(self):
        """One answer line per active question of the template, in one
        INSERT ... SELECT for the whole batch: a cycle launch creates tens of
        thousands of lines, and a line is a plain row (no create logic, its
        texts live in ``mus.interview.content``). Every stored column of the
        line is written with it (``_mus_answer_insert_values``); a line that
        exists already is kept (the unique index on interview and question)."""
        interviews = self.filtered("template_id")
        if not interviews:
            return
        self.flush_recordset(["template_id", "company_id"])
        self.env["mus.question"].flush_model(["template_id", "theme_id", "sequence", "active"])
        self.env["mus.question.theme"].flush_model(["sequence"])
        into, values = insert_into(self.env["mus.interview.answer"], self._mus_answer_insert_values())
        self.env.execute_query(SQL(
            """INSERT INTO %(into)s
               SELECT %(values)s
                 FROM mus_interview interview
                 JOIN mus_question question ON question.template_id = interview.template_id
                                           AND question.active
                 JOIN mus_question_theme theme ON theme.id = question.theme_id
                WHERE interview.id = ANY(%(ids)s)
                ORDER BY interview.id, theme.sequence, question.sequence, question.id
               ON CONFLICT (interview_id, question_id) DO NOTHING""",
            into=into, values=values, ids=interviews.ids,
        ))
        interviews.invalidate_recordset(["answer_ids"])

    @api.model
    def _mus_answer_insert_values(self):
        """The value of every stored column of a new answer line (but its
        id), in SQL over the ``interview``, its template's ``question`` and
        the question's ``theme`` of ``_generate_answers``: the stored related
        fields are written with the row, as the ORM would compute them. A
        stored field added to the line needs its value here, else the
        launch fails (``sql_insert.insert_columns``)."""
        uid, now = self.env.uid, self.env.cr.now()
        return {
            "interview_id": SQL("interview.id"),
            "question_id": SQL("question.id"),
            "company_id": SQL("interview.company_id"),
            "theme_id": SQL("question.theme_id"),
            "theme_sequence": SQL("theme.sequence"),
            "question_sequence": SQL("question.sequence"),
            "create_uid": SQL("%s", uid),
            "create_date": SQL("%s", now),
            "write_uid": SQL("%s", uid),
            "write_date": SQL("%s", now),
        }

    def _prepare_plan_vals_list(self):
        return [interview._prepare_plan_vals() for interview in self]

    def _prepare_plan_vals(self):
        start, end = self._mus_plan_period()
        return {
            "interview_id": self.id,
            "date_start": start,
            "date_end": end,
            # The plan's stored related and computed fields, known here:
            # written with the row instead of computed and updated after.
            "employee_id": self.employee_id.id,
            "leader_id": self.leader_id.id,
            "company_id": self.company_id.id,
            "is_signed": False,
            "signed_on": False,
        }

    def _mus_plan_period(self):
        """The period of the plan: from the day of the talk (held, else
        planned, else today) to the day before the next MUS is due, after
        the employee's MUS frequency (else the company's interval)."""
        self.ensure_one()
        moment = self.held_on or self.scheduled_date
        start = fields.Datetime.context_timestamp(self, moment).date() if moment else fields.Date.context_today(self)
        months = self.employee_id.sudo().mus_frequency_months or self.company_id.mus_interval_months or 12
        return start, start + relativedelta(months=months, days=-1)

    def _sync_plan_period(self):
        """Move the period of the plans with their talk (planned, postponed,
        held). A plan that has a signature keeps the period it was signed
        on; from the talk on, the leader may still adjust it on the plan."""
        by_period = defaultdict(lambda: self.env["mus.development.plan"].sudo())
        for interview in self.filtered(lambda i: i.state in workflow.PLAN_DRAFTING_STATES):
            plan = interview.plan_id.sudo()
            if not plan or plan.employee_signed_on or plan.leader_signed_on:
                continue
            period = interview._mus_plan_period()
            if (plan.date_start, plan.date_end) != period:
                by_period[period] |= plan
        for (start, end), plans in by_period.items():
            plans.write({"date_start": start, "date_end": end})

    def _create_follow_ups(self):
        vals_list = []
        for interview in self:
            signed = fields.Date.to_date(interview.plan_id.signed_on) or fields.Date.today()
            for sequence, months in enumerate(interview.company_id._mus_follow_up_months(), start=1):
                vals_list.append({
                    "interview_id": interview.id,
                    "sequence": sequence,
                    "date_due": signed + relativedelta(months=months),
                })
        checkpoints = self.env["mus.follow.up"].sudo().create(vals_list)
        checkpoints._schedule_activity()
        # A company without checkpoints has nothing to follow up.
        for interview in self.filtered(lambda i: not i.sudo().follow_up_ids):
            interview.sudo()._set_state("done", closed_on=fields.Datetime.now())

    def _follow_up_completed(self):
        """Called by a checkpoint when it is done: the last one closes the MUS."""
        for interview in self.filtered(lambda i: i.state == "follow_up"):
            if interview._requirement_follow_up_complete():
                interview.action_done()

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.display_name

    def action_print_plan(self):
        self._mus_check_party_access()
        return self.env.ref(PLAN_REPORT).report_action(self)

    def action_print_summary(self):
        self._mus_check_party_access()
        return self.env.ref("mus_odoo.action_report_mus_interview_summary").report_action(self)

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
            interview.plan_id.signed_pdf_id = attachment
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
