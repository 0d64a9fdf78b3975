from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import without_mus_hidden


class IrAttachment(models.Model):
    """Files attached to a MUS are read by its parties only, like its
    messages: reading the MUS's status (HR) is not enough."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self.env.is_superuser():
            return result
        new_on_mus = values and values.get("res_model") == "mus.interview" and values.get("res_id")
        if self._mus_hidden() or (
            new_on_mus and not self.env["mus.interview"]._mus_party_ids([values["res_id"]])
        ):
            raise AccessError(self.env._(
                "The files of a MUS are confidential between the employee and the leader."
            ))
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return without_mus_hidden(self, super()._search(domain, offset=offset, limit=limit, order=order), order)

    def _mus_hidden(self):
        """Attachments of ``self`` on a MUS the current user is no party of."""
        if not self.ids or self.env.is_superuser():
            return self.browse()
        self.flush_recordset(["res_model", "res_id"])
        rows = self.env.execute_query(SQL(
            "SELECT id, res_id FROM ir_attachment WHERE id = ANY(%s) AND res_model = 'mus.interview'",
            self.ids,
        ))
        parties = self.env["mus.interview"]._mus_party_ids({res_id for _id, res_id in rows})
        return self.browse(attachment_id for attachment_id, res_id in rows if res_id not in parties)
