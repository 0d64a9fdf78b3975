from . import mus_reason_wizard
from . import mus_sign_wizard
from . import mus_invite_wizard
