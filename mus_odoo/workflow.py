"""The MUS workflow, declared once.

A workflow is a ``Workflow`` object: its states and their groups, its
transitions, the to-dos each state gives its actors, and the roles. A model
runs on it by inheriting ``mus.workflow.mixin`` and naming it in ``_workflow``
(``mus.interview``: ``MUS_WORKFLOW``, ``mus.cycle``: ``CYCLE_WORKFLOW``). The
mixin reads it for everything: the ``state`` selection, the header buttons of
the form view, the search filters of the state groups, the server-side checks
of every ``action_*`` method and their errors, the ``can_*`` fields that show
the buttons, the to-dos, and the diagram in the README (``mermaid()``). Change
the workflow here, nowhere else. The module-level names (``STATES``,
``TRANSITIONS``, ``CLOSED_STATES``...) are views of ``MUS_WORKFLOW``.

Actors are roles on one interview, not groups: the *employee* is the user of
the interview's employee, the *leader* the user of its leader, *hr* any MUS
officer (``mus_odoo.group_mus_officer``).
"""
from dataclasses import dataclass, field
from types import MappingProxyType

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

    ``personal``: the step is a party's own (accepting, preparing, signing):
    only a user who has one of ``actors`` as their own role does it, even
    under sudo (the portal acts in sudo); the superuser (data loading) does it
    only when the step has a single actor to act as. Otherwise sudo bypasses
    the actor check. ``internal``: a step the system takes (a cron, the end of
    another step): no button, no ``can_*`` field, no ``action_*`` method.
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
    personal: bool = False
    internal: bool = False

    @property
    def method(self):
        return f"action_{self.name}"

    @property
    def button_method(self):
        return self.button or self.method


@dataclass(frozen=True)
class Workflow:
    """A workflow a model runs on (``mus.workflow.mixin``).

    ``states``: (code, label) in order; the first is the initial state.
    ``groups``: named tuples of states (``closed`` is required: the diagram
    ends there; ``open`` is every other state, added when not given).
    ``transitions``: the ``Transition`` steps. ``activities``: per state, the
    to-dos it gives on the way in, as (role, activity type xml id); leaving
    the state marks them done. ``activity_types``: further to-dos of the
    workflow that its steps schedule themselves and a change of state closes.
    ``discard_in``: states whose entry deletes the workflow's to-dos (with
    ``discard_types``) rather than marking them done. ``roles``: role -> label.
    ``header``: the ``name`` of the form view's ``<header>`` that gets the
    buttons. ``filters``: search filter name -> state group, their domains
    set from the groups.
    """

    states: tuple
    transitions: tuple
    roles: dict
    groups: dict = field(default_factory=dict)
    activities: dict = field(default_factory=dict)
    activity_types: tuple = ()
    discard_in: tuple = ()
    discard_types: tuple = ()
    header: str | None = None
    filters: dict = field(default_factory=dict)

    def __post_init__(self):
        groups = dict(self.groups)
        groups.setdefault("closed", ())
        groups.setdefault("open", tuple(code for code in self.state_codes if code not in groups["closed"]))
        object.__setattr__(self, "groups", MappingProxyType(groups))
        object.__setattr__(self, "activities", MappingProxyType(dict(self.activities)))
        codes = set(self.state_codes)
        for name, states in groups.items():
            assert set(states) <= codes, f"state group {name} lists unknown states"
        for transition in self.transitions:
            assert set(transition.sources) <= codes and transition.target in codes | {None}, transition.name
            assert set(transition.actors) <= set(self.roles), transition.name
        assert len(self.transitions_by_name) == len(self.transitions), "transition names are unique"

    @property
    def state_codes(self):
        return tuple(code for code, _label in self.states)

    @property
    def initial(self):
        return self.states[0][0]

    @property
    def transitions_by_name(self):
        return {transition.name: transition for transition in self.transitions}

    def group(self, name):
        return self.groups[name]

    def next_steps(self, state):
        """Transitions that can be fired from ``state``."""
        return [t for t in self.transitions if state in t.sources]

    def all_activity_types(self):
        """Every to-do the workflow schedules or closes, in a stable order."""
        types = [xmlid for state_todos in self.activities.values() for _role, xmlid in state_todos]
        return list(dict.fromkeys([*types, *self.activity_types]))

    def mermaid(self):
        """The workflow as a Mermaid state diagram (English labels)."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.initial}"]
        for code, label in self.states:
            lines.append(f"    {code}: {label}")
        for transition in self.transitions:
            who = " + ".join(transition.actors) if transition.joint else " / ".join(transition.actors)
            for source in transition.sources:
                target = transition.target or source
                lines.append(f"    {source} --> {target}: {transition.name} [{who}]")
        for code in self.groups["closed"]:
            lines.append(f"    {code} --> [*]")
        return "\n".join(lines)


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

# Plain labels: the ``state`` field translates them like any selection.
_MUS_STATES = (
    ("draft", "Planned"),
    ("invited", "Invited"),
    ("preparation", "Preparation"),
    ("interview", "Interview held"),
    ("signing", "Signing"),
    ("follow_up", "Follow-up"),
    ("done", "Done"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
)
_MUS_CLOSED = ("done", "declined", "cancelled")
_MUS_OPEN = tuple(code for code, _label in _MUS_STATES if code not in _MUS_CLOSED)
_MUS_MOVABLE = ("invited", "preparation")

MUS_WORKFLOW = Workflow(
    states=_MUS_STATES,
    roles=ROLE_LABELS,
    groups={
        "closed": _MUS_CLOSED,
        "open": _MUS_OPEN,
        # Before the talk, and from it on (held: counts as the employee's MUS).
        "planning": ("draft", "invited", "preparation"),
        "held": ("interview", "signing", "follow_up", "done"),
        "signed": ("follow_up", "done"),
        # The time is agreed on but the talk not held: it can still move.
        "movable": _MUS_MOVABLE,
        # Offered and not held yet: the parties prepare (the portal shows the questions).
        "preparing": ("invited", "preparation"),
        # The plan is still being written: its period follows the interview's date.
        "plan_drafting": ("draft", "invited", "preparation", "interview"),
        # The MUS took place or was declined: the next one is due from it.
        "due_reset": ("interview", "signing", "follow_up", "done", "declined"),
        # The development plan is agreed on: the employee sees it.
        "plan_agreed": ("signing", "follow_up", "done"),
    },
    transitions=(
        Transition(
            "invite", _lt("Invite"), ("draft",), "invited", (LEADER, HR),
            requires=(REQ_USERS, REQ_TEMPLATE, REQ_DATE),
        ),
        Transition("accept", _lt("Accept time"), ("invited",), "preparation", (EMPLOYEE,), personal=True),
        Transition(
            "postpone", _lt("Postpone"), _MUS_MOVABLE, "invited", (LEADER, HR),
            requires=(REQ_REASON, REQ_NEW_DATE), button="action_open_postpone_wizard", primary=False,
        ),
        Transition(
            "submit_preparation", _lt("Submit my preparation"), ("preparation",), None,
            (EMPLOYEE, LEADER), requires=(REQ_OWN_PREPARATION,), personal=True,
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
            requires=(REQ_GOAL, REQ_NOT_SIGNED, REQ_SIGNATURE), joint=True, personal=True,
            button="action_open_sign_wizard",
        ),
        Transition(
            "done", _lt("Close"), ("follow_up",), "done", (LEADER,), requires=(REQ_FOLLOW_UP,),
        ),
        # Declining still counts as offered: the offer was made.
        Transition(
            "decline", _lt("Decline"), ("draft", "invited"), "declined", (EMPLOYEE,),
            requires=(REQ_OFFERED,), button="action_open_decline_wizard", primary=False, personal=True,
        ),
        Transition(
            "cancel", _lt("Cancel"), _MUS_OPEN, "cancelled", (LEADER, HR),
            requires=(REQ_REASON,), button="action_open_cancel_wizard", primary=False,
        ),
    ),
    # Who acts next, per state: the to-do each state schedules on its way in.
    activities={
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
    },
    # Scheduled by steps (preparing submitted, the cycle's launch), closed
    # by the next change of state.
    activity_types=("mus_odoo.mail_act_mus_hold", "mus_odoo.mail_act_mus_invite"),
    # A MUS that will not happen keeps no to-do, not even its follow-up.
    discard_in=("cancelled", "declined"),
    discard_types=("mus_odoo.mail_act_mus_follow_up",),
    header="mus_workflow",
    filters={"open": "open", "closed": "closed"},
)

# The MUS cycle (``mus.cycle``): HR's round of MUS.
CYCLE_WORKFLOW = Workflow(
    states=(("draft", "Draft"), ("launching", "Launching"), ("running", "Running"), ("closed", "Closed")),
    roles={HR: ROLE_LABELS[HR]},
    groups={
        "closed": ("closed",),
        "running": ("launching", "running"),
        # The launch is over: every targeted employee has been offered their MUS.
        "launched": ("running", "closed"),
    },
    transitions=(
        # Again from running: picks up employees added or resolved since.
        Transition("launch", _lt("Launch"), ("draft", "running"), "launching", (HR,)),
        Transition("close", _lt("Close Cycle"), ("running",), "closed", (HR,)),
        Transition("reopen", _lt("Reopen"), ("closed",), "running", (HR,)),
        # The last batch of the launch is in.
        Transition("finish_launch", _lt("Finish the launch"), ("launching",), "running", (HR,), internal=True),
    ),
    filters={"running": "running", "closed": "closed"},
)

# The MUS workflow's names, as the rest of the addon and its tests read them.
STATES = list(MUS_WORKFLOW.states)
CLOSED_STATES = MUS_WORKFLOW.groups["closed"]
OPEN_STATES = MUS_WORKFLOW.groups["open"]
PLANNING_STATES = MUS_WORKFLOW.groups["planning"]
HELD_STATES = MUS_WORKFLOW.groups["held"]
SIGNED_STATES = MUS_WORKFLOW.groups["signed"]
MOVABLE_STATES = MUS_WORKFLOW.groups["movable"]
PREPARING_STATES = MUS_WORKFLOW.groups["preparing"]
PLAN_DRAFTING_STATES = MUS_WORKFLOW.groups["plan_drafting"]
DUE_RESET_STATES = MUS_WORKFLOW.groups["due_reset"]
PLAN_AGREED_STATES = MUS_WORKFLOW.groups["plan_agreed"]
TRANSITIONS = MUS_WORKFLOW.transitions
TRANSITIONS_BY_NAME = MUS_WORKFLOW.transitions_by_name
# (role, activity type xml id) per state.
STATE_ACTIVITIES = MUS_WORKFLOW.activities


def next_steps(state):
    """Transitions of the MUS that can be fired from ``state``."""
    return MUS_WORKFLOW.next_steps(state)


def mermaid():
    """The MUS workflow as a Mermaid state diagram (English labels), as shown
    in the README."""
    return MUS_WORKFLOW.mermaid()


def readme_block():
    """The fenced block the README must contain (checked by a test)."""
    return "```mermaid\n" + mermaid() + "\n```"
