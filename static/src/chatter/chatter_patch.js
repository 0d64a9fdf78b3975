/** @odoo-module **/

// A to-do marked done from the chatter of a MUS may complete a follow-up
// checkpoint (and close the MUS): show it at once in the form.

import { Chatter } from "@mail/chatter/web_portal/chatter";
import { patch } from "@web/core/utils/patch";

patch(Chatter.prototype, {
    onActivityChanged(thread) {
        super.onActivityChanged(thread);
        if (thread?.model === "mus.interview") {
            this.reloadParentView();
        }
    },
});
