from odoo import api, models
from odoo.tools import SQL


class MailMessage(models.Model):
    """The messages of a MUS are read by its parties only: HR, who may read
    the MUS's status, does not read its chatter (except what they wrote
    themselves)."""

    _inherit = "mail.message"

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation == "read" and (self - forbidden):
            forbidden += (self - forbidden)._mus_confidential()
        return forbidden

    def _mus_confidential(self):
        """Messages of ``self`` posted on a MUS the current user is no party
        of and did not write."""
        self.flush_recordset(["model", "res_id", "author_id", "create_uid"])
        rows = self.env.execute_query(SQL(
            """SELECT message.id FROM mail_message message
                 JOIN mus_interview interview ON message.model = 'mus.interview' AND message.res_id = interview.id
                WHERE message.id = ANY(%(ids)s)
                  AND message.author_id IS DISTINCT FROM %(partner)s
                  AND message.create_uid IS DISTINCT FROM %(uid)s
                  AND interview.employee_user_id IS DISTINCT FROM %(uid)s
                  AND interview.leader_user_id IS DISTINCT FROM %(uid)s""",
            ids=self.ids, partner=self.env.user.partner_id.id, uid=self.env.uid,
        ))
        return self.browse(row[0] for row in rows)

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        allowed = super()._find_allowed_model_wise(doc_model, doc_dict)
        if doc_model != "mus.interview" or self.env.su:
            return allowed
        parties = self.env["mus.interview"]._mus_party_ids(doc_dict)
        return allowed & {message_id for doc_id in parties for message_id in doc_dict[doc_id]}
