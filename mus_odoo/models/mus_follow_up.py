from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import access
from ..tools import format_mus_date, raise_first_error

# Completing a checkpoint more than this many days before it is due asks the
# leader to confirm in the Complete dialog; its to-do is then not marked done
# from the chatter (README, Follow-up).
EARLY_DAYS = 30


class MusFollowUp(models.Model):
    """A follow-up checkpoint of a signed development plan (by default one,
    two and three months after signing): an activity for the leader, who
    records a short note and the goals' progress. Completing the last one
    closes the MUS. Written by the leader; access follows the interview.
    """

    _name = "mus.follow.up"
    _inherit = ["mus.party.mixin"]
    _description = "MUS Follow-up Checkpoint"
    _order = "interview_id, date_due, sequence, id"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    employee_id = fields.Many2one(related="interview_id.employee_id", store=True)
    sequence = fields.Integer(default=10)
    date_due = fields.Date(string="Due", required=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")], default="planned", required=True, readonly=True,
    )
    note = fields.Text(string="Follow-up Note")
    done_on = fields.Datetime(readonly=True)
    done_by = fields.Many2one("res.users", readonly=True)
    progress = fields.Integer(
        string="Progress (%)", readonly=True,
        help="Average progress of the plan's goals when the checkpoint was completed.",
    )
    goal_status = fields.Text(readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    @api.depends("sequence", "date_due")
    def _compute_display_name(self):
        for checkpoint in self:
            checkpoint.display_name = checkpoint._label()

    def _label(self):
        return self.env._(
            "Follow-up %(number)s (%(date)s)", number=self.sequence, date=format_mus_date(self.env, self.date_due),
        )

    def write(self, vals):
        if not self.env.su:
            if set(vals) - access.writable_fields(self._name):
                raise AccessError(self.env._(
                    "A follow-up checkpoint is completed with its “Complete” button; "
                    "only its note can be written."
                ))
            self._check_leader()
        return super().write(vals)

    def _check_leader(self):
        raise_first_error(self, lambda checkpoint: checkpoint.interview_id._mus_follow_up_error(
            checkpoint_closed=checkpoint.state == "done",
        ))

    def _days_early(self):
        """How many days before its due date the checkpoint would be completed today."""
        self.ensure_one()
        return (self.date_due - fields.Date.context_today(self)).days if self.date_due else 0

    def _is_early(self):
        return self._days_early() > EARLY_DAYS

    def action_open_complete_wizard(self):
        """The Complete button: a dialog asks for the note (the one already
        written, to confirm or change) and, long before the due date, for a
        confirmation."""
        self.ensure_one()
        self._check_leader()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complete %(checkpoint)s", checkpoint=self.display_name),
            "res_model": "mus.follow.up.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_follow_up_id": self.id, "default_note": self.note},
        }

    def action_complete(self, note=None):
        """The leader has followed up: record the note and the goals'
        progress, and mark the checkpoint's to-do done with the note as its
        feedback (one message in the chatter)."""
        if not self.env.su:
            self._check_leader()
        notes = {}
        for checkpoint in self:
            notes[checkpoint] = note or checkpoint.note
            if not (notes[checkpoint] or "").strip():
                raise UserError(self.env._("Write a short follow-up note before completing the checkpoint."))
        for checkpoint in self:
            checkpoint._mus_record_done(notes[checkpoint])
            activity = checkpoint.activity_id
            if activity:
                # The to-do's own done message carries the note; its
                # override sees the checkpoint done and does not loop back.
                activity.sudo().action_feedback(feedback=notes[checkpoint])
            else:
                checkpoint.interview_id.message_post(
                    body=self.env._(
                        "%(checkpoint)s completed by %(user)s.", checkpoint=checkpoint.display_name,
                        user=self.env.user.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        self.interview_id._follow_up_completed()
        return True

    def _mus_record_done(self, note):
        """Write what the checkpoint records when done; callers have checked
        who completes it."""
        for checkpoint in self:
            goals = checkpoint.interview_id.plan_id.goal_ids
            status_labels = dict(goals._fields["status"]._description_selection(self.env))
            checkpoint.sudo().write({
                "note": note,
                "state": "done",
                "done_on": fields.Datetime.now(),
                "done_by": self.env.uid,
                "progress": round(sum(goals.mapped("progress")) / len(goals)) if goals else 0,
                "goal_status": "\n".join(
                    f"{goal.name.splitlines()[0] if goal.name else ''}: "
                    f"{status_labels[goal.status]} ({goal.progress} %)"
                    for goal in goals
                ),
            })

    def _mus_complete_from_activity(self, feedback):
        """The leader marked the checkpoints' to-dos done (Mark Done, Done &
        Schedule Next, from the chatter or the activity views): the feedback
        is the note (else the note already written). Called by
        ``mail.activity._action_done`` before the to-dos are done."""
        if not self.env.su:
            self._check_leader()
            early = self.filtered(lambda checkpoint: checkpoint._is_early())[:1]
            if early:
                raise UserError(self.env._(
                    "%(checkpoint)s is due in %(days)s days. To complete it this early, use "
                    "“Complete” on the Follow-up tab of the MUS: it asks you to confirm.",
                    checkpoint=early.display_name, days=early._days_early(),
                ))
        for checkpoint in self:
            checkpoint._mus_record_done(feedback or checkpoint.note)

    def _schedule_activity(self):
        for checkpoint in self:
            interview = checkpoint.interview_id
            if not interview.leader_user_id:
                continue
            leader = interview.leader_user_id
            checkpoint.activity_id = interview._mus_schedule_activity(
                "mus_odoo.mail_act_mus_follow_up", leader, checkpoint.date_due,
                summary=checkpoint.with_context(lang=leader.lang or self.env.lang)._label(),
            )
