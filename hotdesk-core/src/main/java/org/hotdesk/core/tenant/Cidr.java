package org.hotdesk.core.tenant;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/** An IPv4 or IPv6 network such as {@code 192.0.2.0/24}; a bare address is the network of just that address. */
public record Cidr(InetAddress network, int prefix) {
    // only literal addresses: a host name here would make every check depend on DNS
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    /** Parses {@code raw}; a mistake is reported against {@code field}. */
    public static Cidr parse(String raw, String field) {
        String text = raw == null ? "" : raw.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        try {
            if (address.isEmpty() || !LITERAL.matcher(address).matches()) throw new UnknownHostException(address);
            InetAddress a = InetAddress.getByName(address);
            int bits = a.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) throw new NumberFormatException();
            return new Cidr(a, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new InvalidInputException(field, "'" + raw + "' is not a network such as 192.0.2.0/24 or 2001:db8::/32");
        }
    }

    /** True when {@code address} (a literal IPv4 or IPv6 address) is inside this network. */
    public boolean contains(String address) {
        try {
            if (address == null || !LITERAL.matcher(address).matches()) return false;
            return contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public boolean contains(InetAddress a) {
        byte[] n = network.getAddress();
        byte[] x = a.getAddress();
        if (n.length != x.length) return false;
        BigInteger mask = BigInteger.ONE.shiftLeft(n.length * 8).subtract(BigInteger.ONE).shiftRight(prefix).not();
        return new BigInteger(1, n).and(mask).equals(new BigInteger(1, x).and(mask));
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
