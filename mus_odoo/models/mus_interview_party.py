from collections import defaultdict

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .. import access
from ..sql_insert import insert_into
from ..workflow import EMPLOYEE, HR, LEADER


class MusInterview(models.Model):
    """The parties of a MUS: who plays which role, who follows it, whom its messages reach."""

    _inherit = "mus.interview"

    def _workflow_roles(self, user=None):
        return self._mus_roles(user)

    def _workflow_role_user(self, role):
        return {EMPLOYEE: self.employee_user_id, LEADER: self.leader_user_id}.get(role) or self.env["res.users"]

    def _mus_roles(self, user=None):
        """The roles ``user`` (default: current user) has on this interview."""
        self.ensure_one()
        user = user or self.env.user
        # The party predicate (``mus.party.mixin``), on a record in hand.
        roles = {
            role for role, (_employee_field, user_field) in access.PARTY_FIELDS.items()
            if self[user_field] and self[user_field] == user
        }
        if user.has_group(access.HR_GROUP):
            roles.add(HR)
        return roles

    def _mus_party(self):
        """The party (employee or leader) the current user signs or prepares as."""
        roles = self._mus_roles() & set(access.PARTIES)
        return next(iter(roles)) if len(roles) == 1 else None

    @api.model
    def _mus_roles_label(self, roles):
        return self._workflow_roles_label(roles)

    def _leader_changed(self, old_leaders):
        """A new leader takes over: they follow the MUS and get the open
        to-dos; the former leader stops following. A signature given to the
        plan before the change no longer binds the parties."""
        self._sync_party_followers()
        for interview in self:
            old_leader = old_leaders[interview.id]
            if old_leader.user_id and interview.leader_user_id:
                interview.with_user(SUPERUSER_ID).activity_ids.filtered(
                    lambda activity, user=old_leader.user_id: activity.user_id == user
                ).write({"user_id": interview.leader_user_id.id})
            if interview.state == "signing":
                interview.plan_id._clear_signatures(self.env._(
                    "The MUS has a new leader: the signatures of %(signers)s were cleared and "
                    "must be given again.",
                    signers=", ".join((interview.plan_id.employee_signed_by | interview.plan_id.leader_signed_by)
                                      .mapped("name")),
                ))
            if old_leader and interview.leader_id:
                interview.message_post(
                    body=self.env._(
                        "%(new)s takes over this MUS from %(old)s.",
                        new=interview.leader_id.name, old=old_leader.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _sync_party_followers(self):
        """After a change of party (employee, leader, or their user or work
        contact): the parties follow, and nobody else does any longer."""
        parties = self._mus_party_partner_ids()
        self.env["mail.followers"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
        ]).filtered(lambda follower: follower.partner_id.id not in parties[follower.res_id]).unlink()
        self._subscribe_parties()

    def _subscribe_parties(self):
        """The employee and the leader follow their MUS, with the subtypes
        ``message_subscribe`` gives (the external ones for portal users).
        One INSERT for the whole batch, as a cycle launch subscribes two
        parties to thousands of MUS at once; a follower that exists already
        is kept as it is (the unique index of ``mail.followers``)."""
        wanted = sorted(
            (interview_id, partner_id)
            for interview_id, partner_ids in self._mus_party_partner_ids().items()
            for partner_id in partner_ids
        )
        if not wanted:
            return
        partner_ids = list({partner_id for _interview_id, partner_id in wanted})
        default, _internal, external = self.env["mail.message.subtype"].default_subtypes(self._name)
        customers = self.env["res.partner"].sudo().browse(partner_ids).filtered("partner_share").ids
        Followers = self.env["mail.followers"]
        Followers.flush_model()
        into, values = insert_into(Followers, self._mus_follower_insert_values())
        subtypes = Followers._fields["subtype_ids"]
        self.env.execute_query(SQL(
            """WITH wanted AS (
                   SELECT * FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[]) AS wanted(res_id, partner_id)
               ), inserted AS (
                   INSERT INTO %(into)s
                        SELECT %(values)s FROM wanted
                   ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                     RETURNING id, partner_id
               )
               INSERT INTO %(subtype_rel)s (%(follower_column)s, %(subtype_column)s)
                    SELECT inserted.id, subtype_id
                      FROM inserted
                     CROSS JOIN LATERAL unnest(
                         CASE WHEN inserted.partner_id = ANY(%(customers)s::int[])
                              THEN %(external)s::int[] ELSE %(default)s::int[] END
                     ) AS subtype_id""",
            res_ids=[res_id for res_id, _partner_id in wanted],
            partner_ids=[partner_id for _res_id, partner_id in wanted],
            into=into, values=values, subtype_rel=SQL.identifier(subtypes.relation),
            follower_column=SQL.identifier(subtypes.column1), subtype_column=SQL.identifier(subtypes.column2),
            customers=customers, external=external.ids, default=default.ids,
        ))
        Followers.invalidate_model()
        self.invalidate_recordset(["message_follower_ids", "message_partner_ids", "message_is_follower"])

    def _mus_follower_insert_values(self):
        """The value of every stored column of a new follower (but its id),
        in SQL over the ``wanted`` pairs (``res_id``, ``partner_id``) of
        ``_subscribe_parties``. A stored field added to ``mail.followers``
        needs its value here, else the subscription fails
        (``sql_insert.insert_columns``)."""
        return {
            "res_model": SQL("%s", self._name),
            "res_id": SQL("wanted.res_id"),
            "partner_id": SQL("wanted.partner_id"),
        }

    def _mus_party_partners(self):
        """The partners of the employee and the leader, who alone follow the
        MUS and are notified of its messages."""
        return self.env["res.partner"].browse(
            {partner_id for partner_ids in self._mus_party_partner_ids().values() for partner_id in partner_ids}
        )

    def _mus_party_partner_ids(self):
        """{interview id: the ids of its parties' partners}: their work
        contacts and the partners of their users."""
        return {
            interview.id: {
                partner_id
                for employee_field, user_field in access.PARTY_FIELDS.values()
                for partner_id in (interview[employee_field].work_contact_id.id, interview[user_field].partner_id.id)
            } - {False}
            for interview in self.sudo()
        }

    @api.model
    def _mus_party_ids(self, interview_ids, user=None):
        """The ids among ``interview_ids`` of which ``user`` (default: the
        current user) is the employee or the leader, by the party predicate.
        One query, no record rule: it serves the access checks of messages
        and attachments."""
        interviews = self.sudo().with_context(active_test=False)
        return set(interviews._search(
            [("id", "in", list(interview_ids)), *self._mus_party_domain(user)],
        ).get_result_ids())

    def message_post(self, **kwargs):
        # HR writes to the parties, but adds no file to a MUS: its files are
        # the parties' (as ``ir.attachment`` refuses HR the same).
        if (kwargs.get("attachments") or kwargs.get("attachment_ids")) and not self.env.su \
                and set(self.ids) - self._mus_party_ids(self.ids):
            raise AccessError(self.env._(
                "The files of a MUS are confidential between the employee and the leader."
            ))
        return super().message_post(**kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Who the parties are is asked of readers only (no oracle on others' MUS).
        self.check_access("read")
        others = self.env["res.partner"].browse(partner_ids or []) - self._mus_party_partners()
        if others and not self.env.su:
            raise UserError(self.env._(
                "Only the employee and the leader follow a MUS: what is said in it is confidential. "
                "%(partners)s cannot follow it.",
                partners=", ".join(others.mapped("display_name")),
            ))
        if self.env.su and not others and not subtype_ids and self.env.context.get("mus_parties_subscribed"):
            # The parties of these MUS were just subscribed in one batch
            # (``_subscribe_parties``): a to-do for one of them adds nobody.
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Whoever posts or creates (HR, say) does not become a follower.
        if not partner_ids:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        # One call per set of partners allowed (the leader of a team's MUS,
        # say), not one per interview.
        wanted = set(partner_ids)
        groups = defaultdict(list)
        for interview_id, party_ids in self._mus_party_partner_ids().items():
            allowed = tuple(sorted(wanted & party_ids))
            if allowed:
                groups[allowed].append(interview_id)
        for allowed, interview_ids in groups.items():
            super(MusInterview, self.browse(interview_ids))._message_subscribe(
                list(allowed), subtype_ids, customer_ids=customer_ids,
            )
        return True

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        parties = self._mus_party_partners().ids
        return [recipient for recipient in recipients if recipient["id"] in parties]

    def _mus_check_party_access(self):
        """Raise unless the current user is the employee or the leader of
        every interview: HR follows the status, never the content, so it
        prints nothing. Internal code rendering on a party's behalf runs in
        sudo after its own check."""
        if self.env.su:
            return
        for interview in self.sudo():
            if not interview._mus_roles() & {EMPLOYEE, LEADER}:
                raise AccessError(self.env._(
                    "Only the employee and the leader of a MUS can print it."
                ))
