from . import (
    mus_decline_wizard,
    mus_follow_up_wizard,
    mus_invite_wizard,
    mus_reason_wizard,
    mus_settings,
    mus_sign_wizard,
)
