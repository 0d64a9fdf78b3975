import json

from odoo import fields, http
from odoo.http import content_disposition, request

from ..workflow import EMPLOYEE


class MusMyData(http.Controller):
    """An employee's own MUS data, as a file (persondataloven: the right of
    access). An employee with a backend user is read with their own rights:
    the file holds what they may read in the form, and nothing about anyone
    else's MUS. A portal employee's own MUS are read in sudo, like the portal
    page; the file holds only the employee's side (no leader's notes).
    """

    @http.route("/mus/my_data", type="http", auth="user", methods=["GET"])
    def mus_my_data(self):
        Interview = request.env["mus.interview"]
        if request.env.user.share:
            # An employee without a backend user (portal) has no rights on
            # the model: their own MUS, read as the portal page reads them,
            # in sudo with what the employee may see (never the leader's).
            Interview = Interview.sudo()
        interviews = Interview.search(
            Interview._mus_party_domain(request.env.user, (EMPLOYEE,)), order="year, id",
        )
        data = {
            "employee": request.env.user.name,
            "exported_on": fields.Datetime.to_string(fields.Datetime.now()),
            "interviews": [self._mus_interview_data(interview) for interview in interviews],
        }
        body = json.dumps(data, ensure_ascii=False, indent=2)
        return request.make_response(body, headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Disposition", content_disposition("mus_data.json")),
        ])

    def _mus_interview_data(self, interview):
        return {
            "name": interview.name,
            "year": interview.year,
            "state": interview._state_label(),
            "leader": interview.leader_user_id.name or None,
            "scheduled_date": _datetime(interview.scheduled_date),
            "location": interview.location or None,
            "accepted_on": _datetime(interview.accepted_on),
            "employee_prepared_on": _datetime(interview.employee_prepared_on),
            "held_on": _datetime(interview.held_on),
            "closed_on": _datetime(interview.closed_on),
            "anonymised_on": _datetime(interview.anonymised_on),
            "answers": [
                {
                    "theme": answer.theme_id.name,
                    "question": answer.question_id.name,
                    "my_preparation": answer.employee_note or None,
                    "agreed": answer.agreed_note or None,
                }
                for answer in interview.answer_ids
            ],
            "summary": interview.summary or None,
            "my_feedback_to_the_leader": interview.employee_feedback or None,
            "development_plan": self._mus_plan_data(interview.plan_id),
            "follow_up": [
                {"due": _date(checkpoint.date_due), "done_on": _datetime(checkpoint.done_on)}
                for checkpoint in interview.follow_up_ids
            ],
        }

    def _mus_plan_data(self, plan):
        if not plan:
            return None
        return {
            "period": [_date(plan.date_start), _date(plan.date_end)],
            "goals": [
                {
                    "learning_goal": goal.name,
                    "actions": goal.actions or None,
                    "support": goal.supporters or None,
                    "deadline": _date(goal.deadline),
                    "responsible": goal.responsible_id.name or None,
                    "status": goal.status,
                    "progress": goal.progress,
                }
                for goal in plan.goal_ids
            ],
            "signed_by_me_on": _datetime(plan.employee_signed_on),
            "signed_by_the_leader_on": _datetime(plan.leader_signed_on),
        }


def _date(value):
    return fields.Date.to_string(value) if value else None


def _datetime(value):
    return fields.Datetime.to_string(value) if value else None
