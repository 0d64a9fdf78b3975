from odoo import models


class ReportMusInterviewSummary(models.AbstractModel):
    """The summary of a MUS as PDF: the agreed notes per theme, the resumé
    and the plan. Printed, like the plan, by the employee and the leader only
    (the same check, inherited from the plan's report)."""

    _name = "report.mus_odoo.report_mus_interview_summary"
    _inherit = "report.mus_odoo.report_mus_development_plan"
    _description = "MUS Interview Summary Report"
