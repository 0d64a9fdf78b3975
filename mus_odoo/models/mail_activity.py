from odoo import api, models
from odoo.tools import SQL

from ..tools import without_mus_hidden


class MailActivity(models.Model):
    """The to-dos of a MUS are read by its parties and by whom each is
    assigned to, like its messages: reading the MUS's status (HR) is not
    enough."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self:
            return result
        hidden = (self - result[0] if result else self)._mus_hidden()
        if not hidden:
            return result
        if result:
            return (result[0] + hidden, result[1])
        return (hidden, lambda: hidden._make_access_error(operation))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return without_mus_hidden(self, super()._search(domain, offset=offset, limit=limit, order=order), order)

    def _mus_hidden(self):
        """Activities of ``self`` on a MUS the current user is no party of
        and not assigned to."""
        if not self.ids or self.env.is_superuser():
            return self.browse()
        self.flush_recordset(["res_model", "res_id", "user_id"])
        rows = self.env.execute_query(SQL(
            """SELECT id, res_id FROM mail_activity
                WHERE id = ANY(%s) AND res_model = 'mus.interview' AND user_id IS DISTINCT FROM %s""",
            self.ids, self.env.uid,
        ))
        parties = self.env["mus.interview"]._mus_party_ids({res_id for _id, res_id in rows})
        return self.browse(activity_id for activity_id, res_id in rows if res_id not in parties)
