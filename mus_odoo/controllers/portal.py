import binascii

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import content_disposition, request
from odoo.tools import consteq

from ..workflow import HELD_STATES, MOVABLE_STATES, PLAN_AGREED_STATES, PLANNING_STATES, PREPARING_STATES

REPORTS = {
    "plan": "mus_odoo.action_report_mus_development_plan",
    "summary": "mus_odoo.action_report_mus_interview_summary",
}


class MusPortal(CustomerPortal):
    """"My MUS": the employee's side of their interviews.

    A page is shown to the employee's own user, or to anyone holding the
    interview's access token (the link of the invitation mail) who is not
    logged in as somebody else; everything else, a wrong token included,
    is the same 404, so a page reveals nothing about interviews one may
    not see. The page acts as the employee, in sudo: the model's portal
    methods and the workflow actions check the employee's role and the
    state again."""

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def _mus_interview_sudo(self, interview_id, access_token=None):
        """The interview as its employee (sudo), or NotFound."""
        interview = request.env["mus.interview"].sudo().browse(interview_id).exists()
        if not interview or not interview.employee_user_id or not interview.filtered_domain(
            interview._mus_portal_domain(interview.employee_user_id),
        ):
            raise NotFound()
        user = request.env.user
        if access_token:
            allowed = (
                bool(interview.access_token) and consteq(interview.access_token, access_token)
                and (user._is_public() or user == interview.employee_user_id)
            )
        else:
            allowed = user == interview.employee_user_id
        if not allowed:
            raise NotFound()
        lang = interview._employee_lang()
        if lang:
            request.update_context(lang=lang)
        return interview.with_user(interview.employee_user_id).with_context(lang=lang).sudo()

    def _mus_url(self, interview, access_token=None, **params):
        if access_token:
            params["access_token"] = access_token
        return f"{interview.access_url}?{url_encode(params)}" if params else interview.access_url

    def _mus_domain(self):
        return request.env["mus.interview"]._mus_portal_domain(request.env.user)

    # ------------------------------------------------------------------
    # Home and list
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mus_count" in counters:
            values["mus_count"] = request.env["mus.interview"].sudo().search_count(self._mus_domain())
        return values

    @http.route(["/my/mus", "/my/mus/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_mus(self, page=1, **kwargs):
        Interview = request.env["mus.interview"].sudo()
        domain = self._mus_domain()
        pager = portal_pager(
            url="/my/mus", total=Interview.search_count(domain), page=page, step=self._items_per_page,
        )
        interviews = Interview.search(domain, limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({
            "interviews": interviews,
            "pager": pager,
            "page_name": "mus",
            "default_url": "/my/mus",
        })
        return request.render("mus_odoo.portal_my_mus", values)

    # ------------------------------------------------------------------
    # The interview page
    # ------------------------------------------------------------------
    @http.route(["/my/mus/<int:interview_id>"], type="http", auth="public", website=True)
    def portal_mus_page(self, interview_id, access_token=None, message=None, **kwargs):
        interview = self._mus_interview_sudo(interview_id, access_token)
        return self._mus_render(interview, access_token, message=message)

    def _mus_render(self, interview, access_token, message=None, error=None):
        def can(name):
            return not interview._workflow_error(name, for_button=True)

        answers = interview._mus_portal_answers()
        values = self._prepare_portal_layout_values()
        values.update({
            "interview": interview,
            "access_token": access_token,
            "token_query": f"?{url_encode({'access_token': access_token})}" if access_token else "",
            "answers": answers,
            "themes": answers.theme_id,
            "message": message,
            "error": error,
            "tz": interview.employee_id.tz or "UTC",
            "can_accept": can("accept"),
            "can_decline": can("decline"),
            "can_feedback": not interview._mus_field_error("employee_feedback"),
            "feedback": interview._mus_portal_feedback_text(),
            "can_move": interview.state in MOVABLE_STATES,
            "show_ics": self._mus_has_meeting(interview),
            "can_prepare": not interview._mus_note_error("employee_note"),
            "show_preparation": interview.state in PREPARING_STATES,
            "can_submit": can("submit_preparation"),
            "can_sign": can("sign"),
            "is_held": interview.state in HELD_STATES,
            "show_plan": interview.state in PLAN_AGREED_STATES,
            "page_name": "mus_interview",
        })
        return request.render("mus_odoo.portal_mus_interview", values)

    def _mus_post(self, interview_id, access_token, action, done_message):
        """Run ``action(interview)`` and go back to the page; a refusal of the
        workflow is shown on the page."""
        interview = self._mus_interview_sudo(interview_id, access_token)
        try:
            with request.env.cr.savepoint():
                action(interview)
        except (UserError, ValidationError, AccessError) as error:
            request.env.invalidate_all()
            return self._mus_render(interview, access_token, error=error.args[0])
        return request.redirect(self._mus_url(interview, access_token, message=done_message))

    @http.route(["/my/mus/<int:interview_id>/accept"], type="http", auth="public", methods=["POST"], website=True)
    def portal_mus_accept(self, interview_id, access_token=None, **kwargs):
        return self._mus_post(interview_id, access_token, lambda i: i.action_accept(), "accepted")

    @http.route(["/my/mus/<int:interview_id>/decline"], type="http", auth="public", methods=["POST"], website=True)
    def portal_mus_decline(self, interview_id, access_token=None, reason=None, **kwargs):
        return self._mus_post(interview_id, access_token, lambda i: i.action_decline(reason=reason), "declined")

    @http.route(["/my/mus/<int:interview_id>/feedback"], type="http", auth="public", methods=["POST"], website=True)
    def portal_mus_feedback(self, interview_id, access_token=None, feedback=None, **kwargs):
        return self._mus_post(
            interview_id, access_token, lambda i: i._mus_portal_save_feedback(feedback), "feedback_saved",
        )

    @http.route(["/my/mus/<int:interview_id>/move"], type="http", auth="public", methods=["POST"], website=True)
    def portal_mus_move(self, interview_id, access_token=None, proposed_date=None, note=None, **kwargs):
        def move(interview):
            try:
                date = proposed_date and interview._mus_portal_datetime(proposed_date)
            except ValueError:
                date = False
            interview._mus_request_move(date, note)
        return self._mus_post(interview_id, access_token, move, "move_requested")

    @http.route(["/my/mus/<int:interview_id>/prepare"], type="http", auth="public", methods=["POST"], website=True)
    def portal_mus_prepare(self, interview_id, access_token=None, submit=None, **kwargs):
        notes = {}
        for key, value in kwargs.items():
            if key.startswith("note_") and key[5:].isdigit():
                notes[int(key[5:])] = value

        def prepare(interview):
            interview._mus_portal_save_preparation(notes)
            if submit:
                interview.action_submit_preparation()
        return self._mus_post(interview_id, access_token, prepare, "submitted" if submit else "saved")

    @http.route(["/my/mus/<int:interview_id>/sign"], type="json", auth="public", website=True)
    def portal_mus_sign(self, interview_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            interview = self._mus_interview_sudo(interview_id, access_token)
        except NotFound:
            return {"error": request.env._("This MUS was not found.")}
        try:
            interview.action_sign(signature=signature)
        except (UserError, AccessError) as error:
            return {"error": error.args[0]}
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        return {
            "force_refresh": True,
            "redirect_url": self._mus_url(interview, access_token, message="signed"),
        }

    @http.route(["/my/mus/<int:interview_id>/report/<string:kind>"], type="http", auth="public", website=True)
    def portal_mus_report(self, interview_id, kind, access_token=None, download=None, **kwargs):
        interview = self._mus_interview_sudo(interview_id, access_token)
        if kind not in REPORTS or interview.state not in HELD_STATES:
            raise NotFound()
        return self._show_report(interview, "pdf", REPORTS[kind], download=download == "true")

    # ------------------------------------------------------------------
    # The meeting in one's own calendar
    # ------------------------------------------------------------------
    def _mus_has_meeting(self, interview):
        """A time is set and the talk is still ahead."""
        return bool(interview.scheduled_date) and interview.state in PLANNING_STATES

    @http.route(["/my/mus/<int:interview_id>/meeting.ics"], type="http", auth="public", website=True)
    def portal_mus_ics(self, interview_id, access_token=None, **kwargs):
        """The meeting as an .ics file, to whom the page is shown (the same
        check, the same 404 for anyone else)."""
        interview = self._mus_interview_sudo(interview_id, access_token)
        if not self._mus_has_meeting(interview):
            raise NotFound()
        content = interview._mus_portal_ics()
        filename = f"{interview.name or 'MUS'}.ics".replace("/", "-")
        return request.make_response(content, headers=[
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
            ("Cache-Control", "private, no-store"),
        ])
