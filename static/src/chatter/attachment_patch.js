/** @odoo-module **/

// The signed development plan's PDF is the employee's copy of what both
// signed: the server refuses to delete it, so the chatter offers no delete
// button on it (``mus_sealed`` comes from ir.attachment._to_store).

import { Attachment } from "@mail/core/common/attachment_model";
import { patch } from "@web/core/utils/patch";

patch(Attachment.prototype, {
    get isDeletable() {
        return !this.mus_sealed && super.isDeletable;
    },
});
