package org.hotdesk.core.site;

/**
 * Where a device physically is: the civic address emergency services need (RFC 5139 fields), and the number
 * they call back. Every field is optional; a desk without a dispatchable address is flagged.
 *
 * @param country        ISO 3166-1 alpha-2 code, e.g. {@code US}, {@code DE}
 * @param region         state or province (RFC 5139 A1)
 * @param callbackNumber the desk's emergency callback number (E.164 with +, or a local dial string), or null
 */
public record CivicAddress(String description, String country, String region, String city, String street,
                       String houseNumber, String postalCode, String building, String floor, String room,
                       String callbackNumber) {
    public static final CivicAddress NONE = new CivicAddress(null, null, null, null, null, null, null, null, null, null, null);
    private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern.compile("[A-Za-z]{2}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\+?[0-9]{2,15}");

    /** A civic address without a callback number. */
    public CivicAddress(String description, String country, String region, String city, String street,
                    String houseNumber, String postalCode, String building, String floor, String room) {
        this(description, country, region, city, street, houseNumber, postalCode, building, floor, room, null);
    }

    public CivicAddress {
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
        if (country != null) {
            if (!COUNTRY.matcher(country).matches()) {
                throw new org.hotdesk.core.error.InvalidInputException("country",
                        "'" + country + "' is not a two-letter ISO 3166 code such as US or DE");
            }
            country = country.toUpperCase(java.util.Locale.ROOT);
        }
        callbackNumber = clean(callbackNumber);
        if (callbackNumber != null) {
            callbackNumber = callbackNumber.replaceAll("[\\s()./-]", "");
            if (!NUMBER.matcher(callbackNumber).matches()) {
                throw new org.hotdesk.core.error.InvalidInputException("callbackNumber",
                        "must be a phone number such as +14155550100, was '" + callbackNumber + "'");
            }
        }
    }

    /** This location, with each field it leaves empty taken from {@code defaults} (the desk's site). */
    public CivicAddress withDefaults(CivicAddress defaults) {
        return new CivicAddress(or(description, defaults.description), or(country, defaults.country),
                or(region, defaults.region), or(city, defaults.city), or(street, defaults.street),
                or(houseNumber, defaults.houseNumber), or(postalCode, defaults.postalCode),
                or(building, defaults.building), or(floor, defaults.floor), or(room, defaults.room),
                or(callbackNumber, defaults.callbackNumber));
    }

    private static String or(String own, String inherited) {
        return own != null ? own : inherited;
    }

    /** The same place with this callback number. */
    public CivicAddress withCallbackNumber(String number) {
        return new CivicAddress(description, country, region, city, street, houseNumber, postalCode, building, floor,
                room, number);
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
