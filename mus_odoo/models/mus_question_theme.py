from odoo import api, fields, models


class MusQuestionTheme(models.Model):
    """A main theme (hovedtema) of a template, holding its questions."""

    _name = "mus.question.theme"
    _description = "MUS Question Theme"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "mus.question.template", required=True, ondelete="cascade", index=True,
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Theme", required=True, translate=True)
    description = fields.Text(translate=True)
    review_previous_plan = fields.Boolean(
        string="Review last year's plan",
        help="In this theme the interview reviews the goals of the employee's previous "
        "development plan: reached or not, what led to it, its effect, whether to continue. "
        "A template without such a theme brings no review of last year's plan.",
    )
    question_ids = fields.One2many("mus.question", "theme_id", string="Questions", copy=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        # Delete the questions through the ORM, so their guard runs.
        self.with_context(active_test=False).question_ids.unlink()
