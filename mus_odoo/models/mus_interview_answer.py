from odoo import api, fields, models

from ..tools import check_user_fields
from ..workflow import EMPLOYEE, LEADER


class MusInterviewAnswer(models.Model):
    """One question of an interview, with the three texts written about it:
    the employee's preparation, the leader's preparation and the note both
    agree on in the interview.

    - ``employee_note``: written by the employee, while preparing.
    - ``leader_note``: written by the leader, while preparing.
    - ``agreed_note``: written by the leader during and after the interview.
    Access to the line follows its interview.
    """

    _name = "mus.interview.answer"
    _description = "MUS Interview Answer"
    _order = "interview_id, theme_sequence, question_sequence, id"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    question_id = fields.Many2one("mus.question", required=True, ondelete="restrict", index=True)
    theme_id = fields.Many2one(related="question_id.theme_id", store=True, string="Theme")
    theme_sequence = fields.Integer(related="question_id.theme_id.sequence", store=True, string="Theme Sequence")
    question_sequence = fields.Integer(related="question_id.sequence", store=True, string="Question Sequence")
    guidance = fields.Text(related="question_id.guidance")
    employee_note = fields.Text(string="Employee's Preparation")
    leader_note = fields.Text(string="Leader's Preparation")
    agreed_note = fields.Text(string="Interview Notes")

    _sql_constraints = [
        ("question_uniq", "UNIQUE(interview_id, question_id)", "A question is answered once per interview."),
    ]

    # Who writes which text, and while the interview is in which states.
    _NOTE_RULES = {
        "employee_note": (EMPLOYEE, ("invited", "preparation"), "employee_prepared_on"),
        "leader_note": (LEADER, ("draft", "invited", "preparation"), "leader_prepared_on"),
        "agreed_note": (LEADER, ("interview",), None),
    }

    @api.depends("question_id")
    def _compute_display_name(self):
        for answer in self:
            answer.display_name = answer.question_id.name or ""

    def _has_content(self):
        return any(answer.employee_note or answer.leader_note or answer.agreed_note for answer in self)

    def write(self, vals):
        self._check_note_write(vals)
        return super().write(vals)

    def _check_note_write(self, vals):
        if self.env.su:
            return
        check_user_fields(self, vals, self._NOTE_RULES)
        for answer in self:
            for field_name in set(vals) & set(self._NOTE_RULES):
                if (answer[field_name] or False) == (vals[field_name] or False):
                    continue
                error = answer.interview_id._mus_note_error(field_name)
                if error:
                    raise error
