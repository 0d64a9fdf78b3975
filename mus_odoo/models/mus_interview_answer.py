from odoo import api, fields, models

from .. import access
from ..tools import check_user_fields

# Who may read a note changes with the parties and the submitted preparation.
_CONTENT_DEPENDS = {
    "depends": ["interview_id.employee_user_id", "interview_id.leader_user_id", "interview_id.employee_prepared_on"],
    "depends_context": ["uid"],
}


class MusInterviewAnswer(models.Model):
    """One question of an interview, with the three texts written about it:
    the employee's preparation, the leader's preparation and the note both
    agree on in the interview.

    - ``employee_note``: written by the employee, while preparing; the
      leader reads it once the employee has submitted the preparation.
    - ``leader_note``: written by the leader, while preparing; only the
      leader reads it.
    - ``agreed_note``: written by the leader during and after the
      interview; both parties read it.
    The texts are kept in ``mus.interview.content`` (see
    ``mus.content.mixin``); the line itself is read by the parties only.
    """

    _name = "mus.interview.answer"
    _inherit = ["mus.content.mixin", "mus.party.mixin"]
    _description = "MUS Interview Answer"
    _order = "interview_id, theme_sequence, question_sequence, id"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    question_id = fields.Many2one("mus.question", required=True, ondelete="restrict", index=True)
    theme_id = fields.Many2one(related="question_id.theme_id", store=True, string="Theme")
    theme_sequence = fields.Integer(related="question_id.theme_id.sequence", store=True, string="Theme Sequence")
    question_sequence = fields.Integer(related="question_id.sequence", store=True, string="Question Sequence")
    guidance = fields.Text(related="question_id.guidance")
    employee_note = fields.Text(
        string="Employee's Preparation", compute="_compute_mus_content",
        inverse="_inverse_employee_note", search="_search_employee_note",
        **_CONTENT_DEPENDS,
    )
    leader_note = fields.Text(
        string="Leader's Preparation", compute="_compute_mus_content",
        inverse="_inverse_leader_note", search="_search_leader_note",
        **_CONTENT_DEPENDS,
    )
    agreed_note = fields.Text(
        string="Interview Notes", compute="_compute_mus_content",
        inverse="_inverse_agreed_note", search="_search_agreed_note",
        **_CONTENT_DEPENDS,
    )

    _sql_constraints = [
        ("question_uniq", "UNIQUE(interview_id, question_id)", "A question is answered once per interview."),
    ]

    # Who writes which text, while the interview is in which states, and
    # until which of its fields is set: declared in mus_odoo/access.py.
    _NOTE_RULES = access.note_rules("mus.interview.answer")

    _mus_content_fields = {
        "employee_note": "employee_note",
        "leader_note": "leader_note",
        "agreed_note": "agreed_note",
    }

    def _mus_content_link(self):
        return "answer_id"

    def _mus_content_vals(self):
        return {"interview_id": self.interview_id.id, "answer_id": self.id}

    def _inverse_employee_note(self):
        self._mus_content_write("employee_note")

    def _inverse_leader_note(self):
        self._mus_content_write("leader_note")

    def _inverse_agreed_note(self):
        self._mus_content_write("agreed_note")

    def _search_employee_note(self, operator, value):
        return self._mus_content_search("employee_note", operator, value)

    def _search_leader_note(self, operator, value):
        return self._mus_content_search("leader_note", operator, value)

    def _search_agreed_note(self, operator, value):
        return self._mus_content_search("agreed_note", operator, value)

    @api.depends("question_id")
    def _compute_display_name(self):
        for answer in self:
            answer.display_name = answer.question_id.name or ""

    def _has_content(self):
        """Whether anyone wrote on these lines, whoever may read it."""
        return bool(self.sudo()._mus_content_records(self._mus_content_fields.values()))

    def write(self, vals):
        self._check_note_write(vals)
        return super().write(vals)

    def _check_note_write(self, vals):
        if self.env.su:
            return
        check_user_fields(self, vals, self._NOTE_RULES)
        for answer in self:
            for field_name in set(vals) & set(self._NOTE_RULES):
                # Against what is stored, not what the writer reads (empty
                # to whoever may not read it, who must not erase it either).
                if (answer.sudo()[field_name] or False) == (vals[field_name] or False):
                    continue
                error = answer.interview_id._mus_note_error(field_name)
                if error:
                    raise error
