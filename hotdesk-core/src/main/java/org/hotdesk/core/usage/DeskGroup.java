package org.hotdesk.core.usage;

/**
 * How much the desks of one site and floor were used over a period.
 *
 * @param site        the site's name, or null for desks at no site
 * @param floor       the floor (the desk's own, else its site's), or null when none is recorded
 * @param desks       desks in the group (gateway lines are not desks)
 * @param peakInUse   the most desks of the group taken at the same moment
 * @param workingShare of the period's working hours (Monday to Friday, 08:00–18:00 in the tenant's zone) times the
 *                    desks, the share the desks were taken, 0.0–1.0
 */
public record DeskGroup(String site, String floor, int desks, int peakInUse, double workingShare) {
    /** "Head office · floor 3", "Head office", "Floor 2", "No site". */
    public String label() {
        if (site == null && floor == null) return "No site";
        if (site == null) return "Floor " + floor;
        return floor == null ? site : site + " · floor " + floor;
    }
}
