from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from ..tools import MUS_MODEL, mus_hidden, mus_records, mus_visible_domain, with_hidden

# What deleting or replacing a file is: writing any of these.
_SEALED_FIELDS = {
    "name", "datas", "raw", "db_datas", "store_fname", "url", "type", "mimetype",
    "res_model", "res_id", "res_field",
}


class IrAttachment(models.Model):
    """Files attached to a MUS are read and added by its parties only, like
    its messages: reading the MUS's status (HR) is not enough. The signed
    plan's PDF (``mus.development.plan.signed_pdf_id``) is the employee's
    copy of what was signed: only the superuser deletes or replaces it."""

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
        if mode == "unlink" or (mode == "write" and values and _SEALED_FIELDS & set(values)):
            self._mus_check_not_sealed()
        return result

    def _mus_sealed(self):
        """The signed plans' PDFs among these files: no query for files that
        are not on a MUS, one when some are."""
        on_mus = mus_records(self)
        if not on_mus:
            return on_mus
        plans = self.env["mus.development.plan"].sudo().search_fetch(
            [("signed_pdf_id", "in", on_mus.ids)], ["signed_pdf_id"],
        )
        return self.browse(plans.signed_pdf_id.ids)

    def _mus_check_not_sealed(self):
        sealed = self._mus_sealed()
        if sealed:
            raise UserError(self.env._(
                "“%(file)s” is the signed development plan, the employee's copy of what both signed: "
                "it cannot be deleted or replaced. A new copy comes only with new signatures.",
                file=sealed[:1].sudo().name,
            ))

    def _to_store(self, store, /, *, fields=None, extra_fields=None):
        # The web client offers no delete button on the signed plan's PDF
        # (``mus_sealed``, read by static/src/chatter/attachment_patch.js);
        # the server refuses it anyway. No query for files not on a MUS.
        result = super()._to_store(store, fields=fields, extra_fields=extra_fields)
        for attachment in self._mus_sealed():
            store.add(attachment, {"mus_sealed": True})
        return result

    def _delete_and_notify(self, message=None):
        # Odoo's delete routes (the chatter's delete button, a message
        # emptied) delete in sudo for portal users: refuse the sealed PDF there
        # too.
        if self.env.uid != SUPERUSER_ID:
            self._mus_check_not_sealed()
        return super()._delete_and_notify(message=message)

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
