"""18.0.1.3.0: the signed plan's PDF.

The PDF attached to a MUS when its plan got its second signature is now
recorded on the plan (``mus.development.plan.signed_pdf_id``) so that nobody
but the superuser deletes or replaces it. Record it for the plans signed
before: the PDF on the MUS created in the signing transaction, that is the
last one created before the second signature (a minute's leeway: the
signature's time is taken during the transaction).
"""
from datetime import timedelta

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    plans = env["mus.development.plan"].search([("is_signed", "=", True), ("signed_pdf_id", "=", False)])
    if not plans:
        return
    minute = timedelta(minutes=1)
    pdfs = env["ir.attachment"].search([
        ("res_model", "=", "mus.interview"), ("res_id", "in", plans.interview_id.ids),
        ("res_field", "=", False), ("mimetype", "=", "application/pdf"),
    ], order="create_date desc, id desc")
    for plan in plans:
        pdf = pdfs.filtered(lambda attachment, plan=plan: attachment.res_id == plan.interview_id.id
                            and attachment.create_date <= plan.signed_on + minute)[:1]
        if pdf:
            plan.signed_pdf_id = pdf
