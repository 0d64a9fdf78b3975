/** @odoo-module **/

// Steps the MUS tours share.

import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** Open the MUS app, then its menu `menuXmlid`. */
export function openMusMenu(menuXmlid) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the MUS app",
            trigger: '.o_app[data-menu-xmlid="mus_odoo.mus_menu_root"]',
            run: "click",
        },
        {
            content: "Open the menu",
            trigger: `.o_menu_sections [data-menu-xmlid="${menuXmlid}"]`,
            run: "click",
        },
    ];
}
