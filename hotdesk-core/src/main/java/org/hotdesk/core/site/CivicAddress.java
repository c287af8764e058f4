package org.hotdesk.core.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

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
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{2,15}");
    /** The fields by the names forms and the API give them, in the order of the constructor. */
    public static final List<String> FIELDS = List.of("description", "country", "region", "city", "street",
            "houseNumber", "postalCode", "building", "floor", "room", "callbackNumber");

    /** A civic address without a callback number. */
    public CivicAddress(String description, String country, String region, String city, String street,
                    String houseNumber, String postalCode, String building, String floor, String room) {
        this(description, country, region, city, street, houseNumber, postalCode, building, floor, room, null);
    }

    /** The address whose field {@code name} (one of {@link #FIELDS}) is {@code field.apply(name)}. */
    public static CivicAddress of(Function<String, String> field) {
        return new CivicAddress(field.apply("description"), field.apply("country"), field.apply("region"),
                field.apply("city"), field.apply("street"), field.apply("houseNumber"), field.apply("postalCode"),
                field.apply("building"), field.apply("floor"), field.apply("room"), field.apply("callbackNumber"));
    }

    /**
     * Every field {@link #of} would refuse, each checked on its own (the constructor stops at the first), so a form
     * can name them all at once; empty when the address is fine.
     */
    public static List<InvalidInputException> problemsOf(Function<String, String> field) {
        List<InvalidInputException> problems = new ArrayList<>();
        for (String name : FIELDS) {
            try {
                of(n -> n.equals(name) ? field.apply(n) : null);
            } catch (InvalidInputException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    public CivicAddress {
        description = clean("description", description);
        country = clean("country", country);
        region = clean("region", region);
        city = clean("city", city);
        street = clean("street", street);
        houseNumber = clean("houseNumber", houseNumber);
        postalCode = clean("postalCode", postalCode);
        building = clean("building", building);
        floor = clean("floor", floor);
        room = clean("room", room);
        if (country != null) {
            if (!COUNTRY.matcher(country).matches()) {
                throw new InvalidInputException("country",
                        "'" + country + "' is not a two-letter ISO 3166 code such as US or DE");
            }
            country = country.toUpperCase(Locale.ROOT);
        }
        callbackNumber = clean("callbackNumber", callbackNumber);
        if (callbackNumber != null) {
            callbackNumber = callbackNumber.replaceAll("[\\s()./-]", "");
            if (!NUMBER.matcher(callbackNumber).matches()) {
                throw new InvalidInputException("callbackNumber",
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

    private static String clean(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > 200) {
            throw new InvalidInputException(field, "must be at most 200 characters");
        }
        return s.trim();
    }
}
