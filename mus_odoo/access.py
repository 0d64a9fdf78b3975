"""Who reads and writes what in a MUS, in which state, declared once.

Everything that decides access reads this module: the field rules of
``mus.interview`` (``_MUS_FIELD_RULES``, ``_MUS_WORKFLOW_FIELDS``), of its
answers (``_NOTE_RULES``), goals, plan, goal reviews and follow-up
checkpoints, the states and roles of the ``_mus_*_error`` checks, the kinds
of confidential content (``mus.interview.content``) and who reads each, the
party predicate (``party_domain``, used by ``mus.party.mixin``: the roles,
the followers, the message filter and the portal) and the role table in the
README (``role_table()``). The record rules in ``security/*.xml`` cannot
call Python: ``tests/test_access_declaration.py`` proves they say what
``RECORD_RULES`` says.

Roles are those of ``workflow.py``: the *employee* and the *leader* are the
users of the interview's employee and leader (the parties), *hr* any MUS
officer. A role in ``read`` reads the fields (on the interview, in every
state); one named in ``read_if`` only while that field of the interview is
set. The roles in ``write`` change them in ``states`` only, and no longer
once the interview's ``until`` field is set; ``workflow`` fields are written
by the workflow's actions alone.

To change a rule, change its ``Access`` line here; the test then names every
record rule, docstring or README block that still says otherwise.
"""
from dataclasses import dataclass

from .workflow import EMPLOYEE, HR, LEADER, OPEN_STATES, PLANNING_STATES, STATES

PARTIES = (EMPLOYEE, LEADER)
EVERYONE = (EMPLOYEE, LEADER, HR)

# The party predicate: per party, the interview's employee field and the
# field of its user. Whoever is that user now is the party (a new leader
# takes over, a former one keeps nothing).
PARTY_FIELDS = {
    EMPLOYEE: ("employee_id", "employee_user_id"),
    LEADER: ("leader_id", "leader_user_id"),
}
HR_GROUP = "mus_odoo.group_mus_officer"

# States the rules below name beyond workflow.py's groups.
TALK_STATES = ("interview", "signing")
HELD_OPEN_STATES = ("interview", "signing", "follow_up")
WITH_DONE = (*OPEN_STATES, "done")


@dataclass(frozen=True)
class Access:
    """Who reads and who writes ``fields`` of ``model``, and when."""

    model: str
    fields: tuple
    read: tuple = PARTIES
    write: tuple = ()
    states: tuple = ()
    # {role: interview field}: the role reads only while the field is set.
    read_if: tuple = ()
    # The interview field that ends the writing (a submitted preparation).
    until: str | None = None
    # The kind of ``mus.interview.content`` that stores the (one) field.
    kind: str | None = None
    # The check that enforces the rule: ``_mus_<rule>_error`` of mus.interview.
    rule: str | None = None
    workflow: bool = False

    def __post_init__(self):
        assert set(self.states) <= {code for code, _label in STATES}, self
        assert not self.kind or len(self.fields) == 1, self


ACCESS = (
    # The interview: its planning, status and dates (HR's view of every MUS).
    Access("mus.interview", ("employee_id", "year", "template_id"), EVERYONE, (HR, LEADER), ("draft",)),
    Access("mus.interview", ("leader_id",), EVERYONE, (HR,), OPEN_STATES),
    Access("mus.interview", ("company_id",), EVERYONE, (HR,), ("draft",)),
    # Once the invitation is out, the time moves only by Postpone (with a
    # reason the employee is told).
    Access("mus.interview", ("scheduled_date", "duration"), EVERYONE, (HR, LEADER), ("draft",)),
    Access("mus.interview", ("location",), EVERYONE, (HR, LEADER), PLANNING_STATES),
    # The employee's consent, which they may give or take back any time.
    Access("mus.interview", ("plan_shared_with_hr",), EVERYONE, (EMPLOYEE,), WITH_DONE),
    # Written by the workflow only (its actions write them as superuser).
    # The parties' users and the plan decide who may read the MUS: they
    # follow the employee, the leader and the interview, never a write.
    Access("mus.interview", (
        "state", "employee_prepared_on", "leader_prepared_on", "accepted_on", "held_on",
        "closed_on", "cancel_reason", "anonymised_on", "offered_on", "decline_reason", "cycle_id",
        "previous_interview_id", "calendar_event_id", "plan_ids",
        "plan_id", "employee_user_id", "leader_user_id", "department_id", "name",
        "plan_employee_signed_by", "plan_employee_signed_on", "plan_leader_signed_by", "plan_leader_signed_on",
    ), EVERYONE, workflow=True),
    Access("mus.interview", ("plan_employee_signature", "plan_leader_signature"), PARTIES, workflow=True),
    # What is said and written: the parties' alone.
    Access("mus.interview", ("summary",), PARTIES, (LEADER,), HELD_OPEN_STATES, kind="summary"),
    Access(
        "mus.interview", ("employee_feedback",), PARTIES, (EMPLOYEE,), ("preparation", *HELD_OPEN_STATES),
        kind="employee_feedback",
    ),
    Access(
        "mus.interview", ("leader_private_note",), (LEADER,), (LEADER,), WITH_DONE, kind="leader_private_note",
    ),
    # The answers: each party prepares, the leader writes down what is agreed.
    Access(
        "mus.interview.answer", ("employee_note",), PARTIES, (EMPLOYEE,), ("invited", "preparation"),
        read_if=((LEADER, "employee_prepared_on"),), until="employee_prepared_on", kind="employee_note",
    ),
    Access(
        "mus.interview.answer", ("leader_note",), (LEADER,), (LEADER,), PLANNING_STATES,
        until="leader_prepared_on", kind="leader_note",
    ),
    Access("mus.interview.answer", ("agreed_note",), PARTIES, (LEADER,), ("interview",), kind="agreed_note"),
    # Last year's plan, reviewed in the talk: its goals as they were, and the review.
    Access(
        "mus.goal.review", ("previous_goal_id", "goal", "previous_actions", "previous_status", "previous_progress"),
        PARTIES, workflow=True,
    ),
    Access(
        "mus.goal.review", ("reached", "what_led", "effect", "continue_work", "continue_note"), PARTIES,
        (LEADER,), ("interview",), rule="review",
    ),
    # The development plan: written in the talk, then signed and locked.
    Access(
        "mus.development.plan", ("date_start", "date_end", "goal_ids"), EVERYONE, (LEADER,), TALK_STATES,
        rule="plan",
    ),
    Access(
        "mus.development.plan", ("employee_signature",), PARTIES, workflow=True, kind="employee_signature",
    ),
    Access("mus.development.plan", ("leader_signature",), PARTIES, workflow=True, kind="leader_signature"),
    Access(
        "mus.development.goal", ("name", "actions", "supporters", "deadline", "responsible_id", "budget", "sequence"),
        EVERYONE, (LEADER,), TALK_STATES, read_if=((HR, "plan_shared_with_hr"),), rule="plan",
    ),
    Access(
        "mus.development.goal", ("status", "progress"), EVERYONE, (LEADER,), HELD_OPEN_STATES,
        read_if=((HR, "plan_shared_with_hr"),), rule="progress",
    ),
    # Follow-up through the year.
    Access("mus.follow.up", ("note",), PARTIES, (LEADER,), ("follow_up",), rule="follow_up"),
)


def of_model(model):
    return [access for access in ACCESS if access.model == model]


def field_rules(model):
    """{field: (roles that write it, states)}: the rules ``_mus_field_error``
    checks, the fields written by a role and checked field by field."""
    return {
        field: (access.write, access.states)
        for access in of_model(model) if access.write and not access.rule
        for field in access.fields
    }


def note_rules(model="mus.interview.answer"):
    """{field: (the role that writes it, states, interview field that ends
    the writing)}: the rules of ``_mus_note_error``."""
    rules = {}
    for access in of_model(model):
        if access.write:
            assert len(access.write) == 1, access
            for field in access.fields:
                rules[field] = (access.write[0], access.states, access.until)
    return rules


def workflow_fields(model):
    """The fields of ``model`` that only the workflow writes."""
    return {field for access in of_model(model) if access.workflow for field in access.fields}


def writable_fields(model, rule=None):
    """The fields of ``model`` a role writes (those of ``rule`` only, if given)."""
    return {
        field for access in of_model(model)
        if access.write and (rule is None or access.rule == rule) for field in access.fields
    }


def rule(name):
    """(roles, states) of the check ``_mus_<name>_error``: the same on every
    model it guards."""
    found = {(access.write, access.states) for access in ACCESS if access.rule == name}
    assert len(found) == 1, (name, found)
    return found.pop()


def readers(model, field):
    """The roles that read ``field`` of ``model`` (some only under a condition, see ``read_if``)."""
    for access in of_model(model):
        if field in access.fields:
            return access.read
    return None


# ----------------------------------------------------------------------
# Confidential content (mus.interview.content): who reads which kind
# ----------------------------------------------------------------------
CONTENT = tuple(access for access in ACCESS if access.kind)
CONTENT_KINDS = tuple(access.kind for access in CONTENT)


def kinds_read_by(read, read_if=()):
    return tuple(access.kind for access in CONTENT if access.read == read and access.read_if == tuple(read_if))


# Shared by both parties; the leader's own working notes; the employee's
# preparation, shown to the leader once it is submitted.
SHARED_KINDS = kinds_read_by(PARTIES)
LEADER_KINDS = kinds_read_by((LEADER,))
EMPLOYEE_KINDS = kinds_read_by(PARTIES, ((LEADER, "employee_prepared_on"),))
assert set(SHARED_KINDS + LEADER_KINDS + EMPLOYEE_KINDS) == set(CONTENT_KINDS)


# ----------------------------------------------------------------------
# Domains: the party predicate and the record rules
# ----------------------------------------------------------------------
def _or(domains):
    domains = [domain for domain in domains if domain]
    result = ["|"] * (len(domains) - 1)
    for domain in domains:
        result += domain
    return result


def _and(domains):
    domains = [domain for domain in domains if domain]
    if len(domains) == 1:
        return list(domains[0])
    result = ["&"] * (len(domains) - 1)
    for domain in domains:
        result += domain
    return result


def _path(path, field):
    return f"{path}.{field}" if path else field


def party_domain(uid, path="", roles=PARTIES):
    """The records (reached from the interview by ``path``, "" for the
    interview itself) of which the user ``uid`` is one of ``roles``."""
    return _or([[(_path(path, PARTY_FIELDS[role][1]), "=", uid)] for role in roles])


def content_domain(uid, path="interview_id"):
    """The contents the user ``uid`` reads: per group of kinds, the roles
    that read them, each under its condition."""
    branches = []
    for kinds in (SHARED_KINDS, LEADER_KINDS, EMPLOYEE_KINDS):
        access = next(access for access in CONTENT if access.kind == kinds[0])
        conditions = dict(access.read_if)
        roles = _or([
            _and([
                party_domain(uid, path, (role,)),
                [(_path(path, conditions[role]), "!=", False)] if role in conditions else [],
            ])
            for role in access.read
        ])
        branches.append(_and([[("kind", "in", list(kinds))], roles]))
    return _or(branches)


@dataclass(frozen=True)
class RecordRule:
    """One record rule of ``model`` for ``group``: its ``perms`` (of "rwcu")
    over the records ``domain`` names: "party", "leader" (the leader only),
    "all", "shared" (the employee shares the plan), "content" (see
    ``content_domain``) or "own" (the author's)."""

    model: str
    group: str
    domain: str
    perms: str = "rwcu"
    # The path from the model to the interview.
    path: str = "interview_id"


USER = "base.group_user"
RECORD_RULES = (
    RecordRule("mus.interview", USER, "party", "rwu", path=""),
    # Leaders plan their team's interviews (``_check_creator`` says whose).
    RecordRule("mus.interview", USER, "leader", "c", path=""),
    RecordRule("mus.interview", HR_GROUP, "all"),
    # What was said and written is the parties' alone (HR included: no
    # officer rule gives more).
    RecordRule("mus.interview.content", USER, "content"),
    RecordRule("mus.interview.answer", USER, "party"),
    RecordRule("mus.goal.review", USER, "party"),
    RecordRule("mus.development.plan", USER, "party"),
    # HR reads the plan's status (period, who signed and when); its goals
    # only when the employee shared the plan; the signatures never.
    RecordRule("mus.development.plan", HR_GROUP, "all", "r"),
    RecordRule("mus.development.goal", USER, "party"),
    RecordRule("mus.development.goal", HR_GROUP, "shared", "r"),
    RecordRule("mus.follow.up", USER, "party"),
    # Leaders: the status of their own team's MUS ("My team's MUS").
    RecordRule("mus.interview.report", USER, "leader", path=""),
    RecordRule("mus.interview.report", HR_GROUP, "all"),
    RecordRule("mus.settings", "mus_odoo.group_mus_manager", "own"),
)
# The models whose records are a MUS's: they follow its party rule (``mus.party.mixin``).
PARTY_MODELS = {rule.model: rule.path for rule in RECORD_RULES if rule.domain == "party"}


def rule_domain(record_rule, uid):
    """The domain ``record_rule`` stands for, for the user ``uid``."""
    return {
        "party": lambda: party_domain(uid, record_rule.path),
        "leader": lambda: party_domain(uid, record_rule.path, (LEADER,)),
        "all": lambda: [(1, "=", 1)],
        "shared": lambda: [(_path(record_rule.path, "plan_shared_with_hr"), "=", True)],
        "content": lambda: content_domain(uid, record_rule.path),
        "own": lambda: [("create_uid", "=", uid)],
    }[record_rule.domain]()


# ----------------------------------------------------------------------
# The role table (README, mus.interview's docstring)
# ----------------------------------------------------------------------
ROLE_NAMES = {EMPLOYEE: "employee", LEADER: "leader", HR: "HR"}
_STATE_GROUPS = {
    OPEN_STATES: "while open",
    WITH_DONE: "while open and when done",
}


def _states_text(states):
    return _STATE_GROUPS.get(tuple(states)) or "in " + ", ".join(states)


def _cell(access, role):
    conditions = dict(access.read_if)
    parts = []
    if role in access.read:
        parts.append(f"reads once `{conditions[role]}`" if role in conditions else "reads")
    if role in access.write:
        writes = f"writes {_states_text(access.states)}"
        if access.until:
            writes += f" until `{access.until}`"
        parts.append(writes)
    elif access.workflow and role in access.read:
        parts.append("the workflow writes")
    return "; ".join(parts) or "–"


# Under the table: who the roles are (the party predicate) and who has none.
ROLE_NOTES = (
    "*employee* and *leader*: the users of the interview's employee and leader now "
    "(`access.PARTY_FIELDS`, `mus.party.mixin`). A new leader (the employee got a new manager, or HR "
    "handed the MUS over, only ever to one of the employee's managers) takes over the open MUS with "
    "everything the former leader read; the former leader reads nothing any more, no messages either.",
    "*HR*: a MUS officer (`mus_odoo.group_mus_officer`) or manager, for every MUS of their companies. "
    "What HR does not read reads empty on the interview and raises an access error on its own records.",
    "An employee without a backend user reads and writes their own MUS as the employee, in the portal "
    "(*My MUS*), through their portal login or the link in their invitation.",
    "Colleagues, other leaders, other portal users, public users and another company: nothing.",
    "The messages, files, to-dos, followers and meeting of a MUS are its parties' (an HR officer reads "
    "what it wrote there itself).",
)


def role_table():
    """Who reads and writes what, in which state, as a Markdown table."""
    lines = [
        "| model | fields | " + " | ".join(ROLE_NAMES[role] for role in EVERYONE) + " |",
        "|---|---|" + "---|" * len(EVERYONE),
    ]
    for access in ACCESS:
        fields = ", ".join(f"`{field}`" for field in access.fields)
        cells = " | ".join(_cell(access, role) for role in EVERYONE)
        lines.append(f"| `{access.model}` | {fields} | {cells} |")
    lines.append("")
    lines.extend(f"- {note}" for note in ROLE_NOTES)
    return "\n".join(lines)


README_START = "<!-- access table: generated by mus_odoo/access.py role_table(), checked by a test -->"
README_END = "<!-- end of access table -->"


def readme_block():
    """The block the README must contain (checked by a test)."""
    return f"{README_START}\n{role_table()}\n{README_END}"

