package org.hotdesk.core.device;

/**
 * Where a device physically is: the civic address emergency services need. Every field is optional.
 */
public record Location(String description, String country, String region, String city, String street,
                       String houseNumber, String postalCode, String building, String floor, String room) {
    public static final Location NONE = new Location(null, null, null, null, null, null, null, null, null, null);

    public Location {
        description = clean(description);
        country = clean(country);
        region = clean(region);
        city = clean(city);
        street = clean(street);
        houseNumber = clean(houseNumber);
        postalCode = clean(postalCode);
        building = clean(building);
        floor = clean(floor);
        room = clean(room);
    }

    /** True when there is enough to send a responder somewhere: a country, a city and a street. */
    public boolean isDispatchable() {
        return country != null && city != null && street != null;
    }

    private static String clean(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > 200) {
            throw new org.hotdesk.core.error.InvalidInputException("location", "fields must be at most 200 characters");
        }
        return s.trim();
    }
}
