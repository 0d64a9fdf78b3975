from odoo import api, fields, models


class MusQuestionTemplate(models.Model):
    """The questions both parties prepare from and the interview follows.

    A template is shared by all companies when it has no company. Copying a
    template copies its themes and questions, so HR can adapt the shipped one.
    """

    _name = "mus.question.template"
    _description = "MUS Question Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True,
        help="Leave empty to offer the template in every company.",
    )
    theme_ids = fields.One2many(
        "mus.question.theme", "template_id", string="Themes", copy=True,
    )
    question_ids = fields.One2many("mus.question", "template_id", string="Questions")
    question_count = fields.Integer(compute="_compute_question_count")
    interview_count = fields.Integer(compute="_compute_interview_count")

    @api.depends("question_ids")
    def _compute_question_count(self):
        counts = dict(self.env["mus.question"]._read_group(
            [("template_id", "in", self.ids)], ["template_id"], ["__count"],
        ))
        for template in self:
            template.question_count = counts.get(template, 0)

    def _compute_interview_count(self):
        counts = dict(self.env["mus.interview"].sudo()._read_group(
            [("template_id", "in", self.ids)], ["template_id"], ["__count"],
        ))
        for template in self:
            template.interview_count = counts.get(template, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        # Delete the themes through the ORM, so their guards run.
        self.with_context(active_test=False).theme_ids.unlink()

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if default and "name" in default:
            return vals_list
        return [
            dict(vals, name=self.env._("%(name)s (copy)", name=template.name))
            for template, vals in zip(self, vals_list, strict=True)
        ]

    def action_view_interviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mus_odoo.mus_interview_action_all")
        action["domain"] = [("template_id", "=", self.id)]
        action["context"] = {}
        return action
