from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL


class IrAttachment(models.Model):
    """Files attached to a MUS are read by its parties only, like its
    messages: reading the MUS's status (HR) is not enough."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self.env.is_superuser():
            return result
        interview_ids = set()
        if self:
            self.flush_recordset(["res_model", "res_id"])
            rows = self.env.execute_query(SQL(
                """SELECT res_id FROM ir_attachment
                    WHERE id = ANY(%s) AND res_model = 'mus.interview' AND res_id IS NOT NULL""",
                self.ids,
            ))
            interview_ids.update(row[0] for row in rows)
        if values and values.get("res_model") == "mus.interview" and values.get("res_id"):
            interview_ids.add(values["res_id"])
        if interview_ids - self.env["mus.interview"]._mus_party_ids(interview_ids):
            raise AccessError(self.env._(
                "The files of a MUS are confidential between the employee and the leader."
            ))
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if self.env.is_superuser():
            return query
        ids = list(query)
        if not ids:
            return query
        rows = self.env.execute_query(SQL(
            "SELECT id, res_id FROM ir_attachment WHERE id = ANY(%s) AND res_model = 'mus.interview'", ids,
        ))
        if not rows:
            return query
        parties = self.env["mus.interview"]._mus_party_ids({res_id for _id, res_id in rows})
        hidden = {attachment_id for attachment_id, res_id in rows if res_id not in parties}
        return self.browse(i for i in ids if i not in hidden)._as_query(order)
