package org.hotdesk.web.console.sites;

import org.hotdesk.core.site.Site;
import org.hotdesk.web.pages.LocationText;

/** A site as the console lists it: its address in a line or two, and how many desks are there. */
public record SiteRow(Site site, int desks) {

    /** "Friedrichstraße 68, Berlin", or "" when no street or city is known. */
    public String address() {
        return LocationText.address(site.location());
    }

    /** "Block A · Floor 2 · Head office". */
    public String place() {
        return LocationText.place(site.location());
    }

    /** Enough for a responder to find the building: country, city and street. */
    public boolean dispatchable() {
        return site.location().isDispatchable();
    }

    /** "1 desk", "12 desks", "No desks". */
    public String deskText() {
        return desks == 0 ? "No desks" : desks == 1 ? "1 desk" : desks + " desks";
    }
}
