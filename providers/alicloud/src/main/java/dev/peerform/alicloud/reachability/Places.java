package dev.peerform.alicloud.reachability;

import dev.peerform.alicloud.reach.Endpoint;
import dev.peerform.alicloud.reach.ReachInputException;
import dev.peerform.alicloud.resources.InstanceResource;
import dev.peerform.alicloud.resources.VSwitchResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.diag.Suggestions;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FROM and TO as typed: a resource address (or a cloud id), {@code ADDRESS:IP}, or an address alone. */
final class Places {

    private static final Pattern WITH_IP = Pattern.compile("^(.+):(\\d{1,3}(?:\\.\\d{1,3}){3})$");
    private static final Pattern IP = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");

    private Places() {
    }

    static Endpoint parse(String text, World world, String where) {
        String t = text.trim();
        if (IP.matcher(t).matches()) {
            return new Endpoint.OfAddress(null, ip(t));
        }
        Matcher m = WITH_IP.matcher(t);
        if (m.matches()) {
            ChangeView v = resource(m.group(1), world, where);
            return new Endpoint.OfAddress(world.idOf(v), ip(m.group(2)));
        }
        ChangeView v = resource(t, world, where);
        String id = world.idOf(v);
        return switch (v.type()) {
            case InstanceResource.TYPE -> new Endpoint.OfInstance(id);
            case VSwitchResource.TYPE -> new Endpoint.OfVSwitch(id);
            case VpcResource.TYPE -> new Endpoint.OfVpc(id);
            case VbrResource.TYPE -> new Endpoint.OfVbr(id, null);
            default -> throw new ReachInputException(v.address() + " is a " + v.type() + ": reach goes from and to "
                    + "an instance, a vswitch, a VPC or a VBR (or ADDRESS:IP inside one)");
        };
    }

    private static ChangeView resource(String text, World world, String where) {
        ChangeView v = world.find(text);
        if (v != null) {
            return v;
        }
        List<String> instances = world.instancesOf(text);
        if (!instances.isEmpty()) {
            throw new ReachInputException(text + " has several instances; name one: " + String.join(", ",
                    instances));
        }
        throw new ReachInputException("No resource " + text + " is in the " + where + "."
                + Suggestions.didYouMean(text, world.addresses()));
    }

    private static Cidr ip(String text) {
        try {
            return Cidr.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw new ReachInputException("\"" + text + "\" is not an IPv4 address");
        }
    }
}
