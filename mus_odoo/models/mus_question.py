from odoo import api, fields, models
from odoo.exceptions import UserError


class MusQuestion(models.Model):
    """A question of a theme, with its reflection sub-questions as guidance."""

    _name = "mus.question"
    _description = "MUS Question"
    _order = "template_id, theme_sequence, sequence, id"

    theme_id = fields.Many2one(
        "mus.question.theme", required=True, ondelete="cascade", index=True,
    )
    template_id = fields.Many2one(related="theme_id.template_id", store=True, index=True)
    theme_sequence = fields.Integer(related="theme_id.sequence", store=True, string="Theme Sequence")
    company_id = fields.Many2one(related="theme_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    name = fields.Char(string="Question", required=True, translate=True)
    guidance = fields.Text(
        string="Questions for reflection", translate=True,
        help="Sub-questions that help both parties prepare; one per line.",
    )

    def _answered_questions(self):
        """Questions of ``self`` that some interview has answered."""
        answers = self.env["mus.interview.answer"].sudo().search([
            ("question_id", "in", self.ids),
            "|", "|",
            ("employee_note", "!=", False),
            ("leader_note", "!=", False),
            ("agreed_note", "!=", False),
        ])
        return answers.question_id

    def _check_not_answered(self):
        answered = self._answered_questions()
        if answered:
            raise UserError(self.env._(
                "Interviews have already answered these questions, so they cannot be removed: "
                "%(questions)s. Archive them instead.",
                questions=", ".join(answered.mapped("name")),
            ))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        self._check_not_answered()
        # Interviews hold an empty line per question: those go with it.
        self.env["mus.interview.answer"].sudo().search([("question_id", "in", self.ids)]).unlink()

    def write(self, vals):
        if "theme_id" in vals:
            moved = self.filtered(lambda question: question.theme_id.id != vals["theme_id"])
            new_theme = self.env["mus.question.theme"].browse(vals["theme_id"])
            moved.filtered(
                lambda question: question.template_id != new_theme.template_id
            )._check_not_answered()
        return super().write(vals)
