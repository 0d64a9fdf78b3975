from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools import MUS_MODEL, mus_hidden, mus_visible_domain, with_hidden


class IrAttachment(models.Model):
    """Files attached to a MUS are read and added by its parties only, like
    its messages: reading the MUS's status (HR) is not enough."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self.env.is_superuser():
            return result
        new_on_mus = values and values.get("res_model") == MUS_MODEL and values.get("res_id")
        if mus_hidden(self) or (
            new_on_mus and not self.env[MUS_MODEL]._mus_party_ids([values["res_id"]])
        ):
            raise AccessError(self.env._(
                "The files of a MUS are confidential between the employee and the leader."
            ))
        return result

    def _check_access(self, operation):
        # Odoo checks an attachment's document in ``check()``; controllers
        # that ask ``check_access()`` (the portal's attachment routes) are
        # told the same about a MUS's files.
        result = super()._check_access(operation)
        if not self:
            return result
        return with_hidden(result, mus_hidden(self - result[0] if result else self), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        visible = mus_visible_domain(self)
        if visible:
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)
