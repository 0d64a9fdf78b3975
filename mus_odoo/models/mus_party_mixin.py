from odoo import api, models

from .. import access


class MusPartyMixin(models.AbstractModel):
    """The one party predicate: is a user the employee or the leader of the
    MUS a record belongs to? ``_mus_party_path`` leads from the record to
    its interview ("" on the interview itself); the party fields are
    ``access.PARTY_FIELDS``. The roles, the followers, the message, file and
    to-do filters and the portal read it; the record rules in
    ``security/mus_rules.xml`` say the same (``tests/test_access_declaration.py``
    proves it, rule by rule)."""

    _name = "mus.party.mixin"
    _description = "MUS Party Predicate"

    _mus_party_path = "interview_id"

    @api.model
    def _mus_party_domain(self, user=None, roles=access.PARTIES):
        """The records of which ``user`` (default: the current user) is one
        of ``roles`` (default: a party, the employee or the leader)."""
        return access.party_domain((user or self.env.user).id, self._mus_party_path, roles)
