from odoo import api, models


class ReportMusDevelopmentPlan(models.AbstractModel):
    """The personal development plan as PDF, laid out like the paper form
    of the seed. Only the employee and the leader print it: the content is
    read in sudo after that check, as HR may read the status of a MUS but
    not its plan."""

    _name = "report.mus_odoo.report_mus_development_plan"
    _description = "MUS Development Plan Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        interviews = self.env["mus.interview"].browse(docids)
        interviews._mus_check_party_access()
        return {
            "doc_ids": docids,
            "doc_model": "mus.interview",
            "docs": interviews.sudo(),
        }
