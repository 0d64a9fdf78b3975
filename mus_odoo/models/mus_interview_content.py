from odoo import api, fields, models

from .. import access

# Who reads each kind of confidential text is declared in mus_odoo/access.py
# (the record rules in security/mus_rules.xml say the same in domains,
# tests/test_access_declaration.py proves it):
#   shared by both parties, the leader's own working notes, and the
#   employee's preparation, shown to the leader once it is submitted.
SHARED_KINDS = access.SHARED_KINDS
LEADER_KINDS = access.LEADER_KINDS
EMPLOYEE_KINDS = access.EMPLOYEE_KINDS

# The kinds of access.CONTENT_KINDS (a test ties them), with their labels.
CONTENT_KINDS = [
    ("employee_note", "Employee's Preparation"),
    ("leader_note", "Leader's Preparation"),
    ("agreed_note", "Interview Notes"),
    ("summary", "Summary"),
    ("employee_feedback", "Feedback to the Leader"),
    ("leader_private_note", "Leader's Private Note"),
    ("employee_signature", "Employee's Signature"),
    ("leader_signature", "Leader's Signature"),
]

# Which column holds the value of a kind.
HTML_KINDS = ("summary", "employee_feedback")
BINARY_KINDS = ("employee_signature", "leader_signature")


class MusInterviewContent(models.Model):
    """One confidential text (or signature) of a MUS, kept apart from the
    interview so that the record rules alone decide who reads it: HR, other
    leaders and colleagues never do, and each party reads only what is theirs
    or shared (see ``SHARED_KINDS``, ``LEADER_KINDS``, ``EMPLOYEE_KINDS``).

    Nobody reads or writes these records directly: the interview, its
    answers and its plan show them as ordinary fields (``summary``,
    ``employee_note``, ``employee_signature`` …) through
    ``mus.content.mixin``, whose writes are checked by the owning model
    before they are stored here.
    """

    _name = "mus.interview.content"
    _inherit = ["mus.party.mixin"]
    _description = "MUS Confidential Content"
    _order = "interview_id, answer_id, kind"

    interview_id = fields.Many2one("mus.interview", required=True, ondelete="cascade", index=True)
    answer_id = fields.Many2one("mus.interview.answer", ondelete="cascade", index=True)
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    kind = fields.Selection(CONTENT_KINDS, required=True)
    text = fields.Text()
    html = fields.Html()
    signature = fields.Binary(attachment=True)

    _sql_constraints = [
        ("kind_uniq", "UNIQUE NULLS NOT DISTINCT (interview_id, answer_id, kind)",
         "A MUS holds one text of each kind per question."),
    ]

    @api.depends("kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for content in self:
            content.display_name = labels.get(content.kind, "")

    @api.model
    def _value_field(self, kind):
        if kind in HTML_KINDS:
            return "html"
        if kind in BINARY_KINDS:
            return "signature"
        return "text"
