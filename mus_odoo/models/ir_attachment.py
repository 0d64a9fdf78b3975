from odoo import models
from odoo.exceptions import AccessError

from ..workflow import EMPLOYEE, LEADER


class IrAttachment(models.Model):
    """Files attached to a MUS (the signed plan's PDF, anything a party adds
    to the chatter) are content: only the employee and the leader open,
    add or change them. HR reads the status of every MUS, and Odoo lets
    whoever reads a record read its attachments."""

    _inherit = "ir.attachment"

    def _mus_forbidden(self, values=None):
        """The attachments of ``self`` (or the one ``values`` would create)
        on a MUS the current user is not a party of."""
        if self.env.is_superuser() or self.env.is_system():
            return self.browse(), False
        on_mus = self.sudo().filtered(lambda a: a.res_model == "mus.interview" and a.res_id)
        interview_ids = set(on_mus.mapped("res_id"))
        new_id = values and values.get("res_model") == "mus.interview" and values.get("res_id")
        if new_id:
            interview_ids.add(new_id)
        interviews = self.env["mus.interview"].sudo().browse(interview_ids).exists()
        denied = {interview.id for interview in interviews if not interview._mus_roles() & {EMPLOYEE, LEADER}}
        new_denied = bool(new_id) and new_id in denied
        return self.browse(on_mus.filtered(lambda a: a.res_id in denied).ids), new_denied

    def _mus_access_error(self):
        return AccessError(self.env._("Only the employee and the leader of a MUS can open its files."))

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or not any(self._ids):
            return result
        forbidden, _new = self._mus_forbidden()
        if forbidden:
            return forbidden, self._mus_access_error
        return None

    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.is_superuser() or self.env.is_system():
            return query
        found = self.browse(list(query))
        forbidden, _new = found._mus_forbidden()
        return (found - forbidden)._as_query(order) if forbidden else query

    def check(self, mode, values=None):
        result = super().check(mode, values)
        forbidden, new_denied = self._mus_forbidden(values)
        if forbidden or new_denied:
            raise self._mus_access_error()
        return result
