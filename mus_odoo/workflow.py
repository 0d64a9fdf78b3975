"""The MUS workflow, declared once.

Everything that knows about the workflow reads this module: the ``state``
selection of ``mus.interview``, the header buttons of its form view (injected
by ``mus.interview._get_view``), the server-side checks of every ``action_*``
method, their error messages, the ``can_*`` fields that show the buttons, and
the diagram in the README (``mermaid()``). Change the workflow here, nowhere
else.

Actors are roles on one interview, not groups: the *employee* is the user of
the interview's employee, the *leader* the user of its leader, *hr* any MUS
officer (``mus_odoo.group_mus_officer``).
"""
from dataclasses import dataclass

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

EMPLOYEE = "employee"
LEADER = "leader"
HR = "hr"

ROLE_LABELS = {
    EMPLOYEE: _lt("the employee"),
    LEADER: _lt("the leader"),
    HR: _lt("HR"),
}

# Plain labels: the ``state`` field translates them like any selection.
STATES = [
    ("draft", "Planned"),
    ("invited", "Invited"),
    ("preparation", "Preparation"),
    ("interview", "Interview held"),
    ("signing", "Signing"),
    ("follow_up", "Follow-up"),
    ("done", "Done"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]
CLOSED_STATES = ("done", "declined", "cancelled")
OPEN_STATES = tuple(code for code, _label in STATES if code not in CLOSED_STATES)
# Before the talk, and from it on (held: counts as the employee's MUS).
PLANNING_STATES = ("draft", "invited", "preparation")
HELD_STATES = ("interview", "signing", "follow_up", "done")
SIGNED_STATES = ("follow_up", "done")


@dataclass(frozen=True)
class Requirement:
    """A condition a transition needs. ``mus.interview`` implements it as
    ``_requirement_<name>(**kwargs) -> bool``; ``message`` is the error shown
    when it does not hold."""

    name: str
    message: _lt
    # While it fails, the button has nothing to offer this user (they have
    # done their part, or the step waits for work done elsewhere): hide it
    # rather than explain.
    hides_button: bool = False


@dataclass(frozen=True)
class Transition:
    """One step of the workflow.

    ``target`` None: the step does not change the state (a party's own
    contribution, such as submitting their preparation). ``joint``: every
    actor in ``actors`` must do the step; the state moves to ``target`` when
    the last of them has (both signatures).
    ``button``: the method the form button calls; a step that needs input
    (a reason, a signature) opens a wizard that then calls ``action_<name>``.
    """

    name: str
    label: _lt
    sources: tuple
    target: str | None
    actors: tuple
    requires: tuple = ()
    joint: bool = False
    button: str | None = None
    primary: bool = True

    @property
    def method(self):
        return f"action_{self.name}"

    @property
    def button_method(self):
        return self.button or self.method


REQ_DATE = Requirement("scheduled_date", _lt("Set the date and time of the interview first."))
REQ_USERS = Requirement(
    "party_users",
    _lt("The employee and the leader both need a user to take part in the MUS: link one to each first."),
)
REQ_TEMPLATE = Requirement("template", _lt("Choose the question template of the interview first."))
REQ_REASON = Requirement("reason", _lt("Give a reason: the employee is told why."))
REQ_NEW_DATE = Requirement(
    "new_date", _lt("Give the new date and time of the interview; it must be in the future.")
)
REQ_OWN_PREPARATION = Requirement(
    "preparation_open", _lt("You have already submitted your preparation."), hides_button=True,
)
REQ_GOAL = Requirement(
    "complete_goal",
    _lt(
        "The development plan needs at least one complete goal: a learning goal, "
        "the actions, a deadline and a responsible person."
    ),
)
REQ_SIGNATURE = Requirement("signature", _lt("Draw your signature to sign the development plan."))
REQ_NOT_SIGNED = Requirement(
    "not_signed_yet", _lt("You have already signed this development plan."), hides_button=True,
)
REQ_OFFERED = Requirement(
    "offered", _lt("This MUS has not been offered to you yet."), hides_button=True,
)
REQ_FOLLOW_UP = Requirement(
    "follow_up_complete", _lt("Complete every follow-up checkpoint before closing the MUS."),
    hides_button=True,
)

TRANSITIONS = (
    Transition(
        "invite", _lt("Invite"), ("draft",), "invited", (LEADER, HR),
        requires=(REQ_USERS, REQ_TEMPLATE, REQ_DATE),
    ),
    Transition("accept", _lt("Accept time"), ("invited",), "preparation", (EMPLOYEE,)),
    Transition(
        "postpone", _lt("Postpone"), ("invited", "preparation"), "invited", (LEADER, HR),
        requires=(REQ_REASON, REQ_NEW_DATE), button="action_open_postpone_wizard", primary=False,
    ),
    Transition(
        "submit_preparation", _lt("Submit my preparation"), ("preparation",), None,
        (EMPLOYEE, LEADER), requires=(REQ_OWN_PREPARATION,),
    ),
    Transition(
        "start_interview", _lt("Hold interview"), ("preparation",), "interview", (LEADER,),
        requires=(REQ_DATE,),
    ),
    Transition(
        "request_signatures", _lt("Request signatures"), ("interview",), "signing", (LEADER,),
        requires=(REQ_GOAL,),
    ),
    Transition(
        "sign", _lt("Sign plan"), ("signing",), "follow_up", (EMPLOYEE, LEADER),
        requires=(REQ_GOAL, REQ_NOT_SIGNED, REQ_SIGNATURE), joint=True,
        button="action_open_sign_wizard",
    ),
    Transition(
        "done", _lt("Close"), ("follow_up",), "done", (LEADER,), requires=(REQ_FOLLOW_UP,),
    ),
    # Declining still counts as offered: the offer was made.
    Transition(
        "decline", _lt("Decline"), ("draft", "invited"), "declined", (EMPLOYEE,),
        requires=(REQ_OFFERED,), button="action_open_decline_wizard", primary=False,
    ),
    Transition(
        "cancel", _lt("Cancel"), OPEN_STATES, "cancelled", (LEADER, HR),
        requires=(REQ_REASON,), button="action_open_cancel_wizard", primary=False,
    ),
)
TRANSITIONS_BY_NAME = {transition.name: transition for transition in TRANSITIONS}

# Who acts next, per state: the activity each state schedules on its way in.
# (role, activity type xml id); ``mus.interview._activity_update`` reads it.
STATE_ACTIVITIES = {
    "invited": ((EMPLOYEE, "mus_odoo.mail_act_mus_accept"),),
    "preparation": (
        (EMPLOYEE, "mus_odoo.mail_act_mus_prepare"),
        (LEADER, "mus_odoo.mail_act_mus_prepare"),
    ),
    "interview": ((LEADER, "mus_odoo.mail_act_mus_plan"),),
    "signing": (
        (EMPLOYEE, "mus_odoo.mail_act_mus_sign"),
        (LEADER, "mus_odoo.mail_act_mus_sign"),
    ),
}


def next_steps(state):
    """Transitions that can be fired from ``state``."""
    return [t for t in TRANSITIONS if state in t.sources]


def mermaid():
    """The workflow as a Mermaid state diagram (English labels), as shown in
    the README."""
    lines = ["stateDiagram-v2", "    [*] --> draft"]
    for code, label in STATES:
        lines.append(f"    {code}: {label}")
    for transition in TRANSITIONS:
        who = " + ".join(transition.actors) if transition.joint else " / ".join(transition.actors)
        for source in transition.sources:
            target = transition.target or source
            lines.append(f"    {source} --> {target}: {transition.name} [{who}]")
    for code in CLOSED_STATES:
        lines.append(f"    {code} --> [*]")
    return "\n".join(lines)


def readme_block():
    """The fenced block the README must contain (checked by a test)."""
    return "```mermaid\n" + mermaid() + "\n```"
