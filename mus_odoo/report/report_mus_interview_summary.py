from odoo import api, models


class ReportMusInterviewSummary(models.AbstractModel):
    """The summary of a MUS as PDF: the agreed notes per theme, the resumé
    and the plan. Only the employee and the leader print it: the content is
    read in sudo after that check, as HR may read the status of a MUS but
    not what was said."""

    _name = "report.mus_odoo.report_mus_interview_summary"
    _description = "MUS Interview Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        interviews = self.env["mus.interview"].browse(docids)
        interviews._mus_check_party_access()
        return {
            "doc_ids": docids,
            "doc_model": "mus.interview",
            "docs": interviews.sudo(),
        }
