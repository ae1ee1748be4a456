package dev.peerform.alicloud.reach;

import dev.peerform.alicloud.reachability.AlicloudReachability;
import dev.peerform.alicloud.reachability.Site;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ReachAnswer;
import dev.peerform.spi.ReachQuery;
import dev.peerform.spi.Reachability;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reach benchmark (issue 15: "reach answers in under 1 s for 500 peered VPCs"): generated models of N peered
 * VPCs, each with a vswitch, an instance and a group of 30 rules, in two shapes: a tree (a router holds at most 5
 * interfaces: one up, four down; a default route up and one route per VPC below) and a chain (the longest path:
 * N - 1 crossings each way, N - 1 routes per table). Times the first answer in a fresh JVM (index plus query, what
 * one CLI call pays), then the median of warm answers between the two farthest instances and between whole VPCs;
 * and the same question through the provider SPI the command calls ({@code spi}: the resources as a refreshed
 * state hands them over, made into the model, placed, walked and worded): the first call's wall time and the
 * CPU time of its thread (on a loaded machine the wall time measures the neighbours), then warm.
 * Run with {@code bench/run.sh reach [sizes...]}.
 */
public final class ReachBenchmark {

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {500};
        System.out.printf("%-6s %-6s %8s %10s %12s %12s %12s %10s %12s %12s %12s%n", "shape", "VPCs", "routes",
                "index(ms)", "first(ms)", "warm i->i", "warm vpc", "crossings", "spi first", "spi cpu", "spi warm");
        for (int n : sizes) {
            for (String shape : List.of("tree", "chain")) {
                run(shape, n);
            }
        }
    }

    private static void run(String shape, int n) {
        Model model = shape.equals("tree") ? tree(n) : chain(n);
        long routes = model.vpcs().stream().mapToLong(v -> v.routes().size()).sum();
        Endpoint from = new Endpoint.OfInstance("i-0");
        Endpoint to = new Endpoint.OfInstance("i-" + (n - 1));
        long t0 = System.nanoTime();
        Reach reach = new Reach(model);
        long t1 = System.nanoTime();
        Verdict first = reach.analyse(from, to, Probe.tcp(22));
        long t2 = System.nanoTime();
        if (!first.reachable()) {
            throw new IllegalStateException("generated model should be reachable: " + first.firstBlock());
        }
        long crossings = first.legs().stream().flatMap(l -> l.hops().stream())
                .filter(h -> h instanceof Hop.Crossed).count();
        double warmInstance = median(() -> reach.analyse(from, to, Probe.tcp(22)));
        Endpoint vpcFrom = new Endpoint.OfVpc("vpc-0");
        Endpoint vpcTo = new Endpoint.OfVpc("vpc-" + (n - 1));
        double warmVpc = median(() -> reach.analyse(vpcFrom, vpcTo, Probe.ping()));
        // through the SPI, as the command asks: the resources (a refreshed state) made into the model, the ids
        // placed, the walk, the text
        List<ChangeView> resources = AsResources.of(model);
        Reachability spi = new AlicloudReachability(k -> new Site("cn-hangzhou", "111"));
        ReachQuery query = new ReachQuery("i-0", "i-" + (n - 1), "tcp", 22, false, false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c3 = threads.getCurrentThreadCpuTime();
        long t3 = System.nanoTime();
        ReachAnswer answer = spi.reach(query, resources, new Diagnostics());
        long t4 = System.nanoTime();
        long c4 = threads.getCurrentThreadCpuTime();
        if (answer == null || !answer.reachable()) {
            throw new IllegalStateException("through the SPI the generated model should be reachable: "
                    + (answer == null ? "no answer" : answer.text()));
        }
        double warmSpi = median(() -> spi.reach(query, resources, new Diagnostics()), 3, 11);
        System.out.printf("%-6s %-6d %8d %10.1f %12.1f %12.3f %12.3f %10d %12.1f %12.1f %12.1f%n", shape, n,
                routes, (t1 - t0) / 1e6, (t2 - t0) / 1e6, warmInstance, warmVpc, crossings, (t4 - t3) / 1e6,
                (c4 - c3) / 1e6, warmSpi);
    }

    private static double median(Runnable r) {
        return median(r, 50, 101);
    }

    private static double median(Runnable r, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            r.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** VPC i: 10.(i / 256).(i % 256).0/24, vswitch the lower /25, instance .10. */
    private static Cidr range(int i) {
        return Cidr.parse("10." + (i / 256) + "." + (i % 256) + ".0/24");
    }

    private static final class Builder {
        final List<Vpc> vpcs = new ArrayList<>();
        final List<VSwitch> vswitches = new ArrayList<>();
        final List<RouterInterface> interfaces = new ArrayList<>();
        final List<SecurityGroup> groups = new ArrayList<>();
        final List<Instance> instances = new ArrayList<>();
        final Map<Integer, List<RouteEntry>> routes = new HashMap<>();

        Builder(int n) {
            for (int i = 0; i < n; i++) {
                String x = String.valueOf(i);
                String net = "10." + (i / 256) + "." + (i % 256) + ".";
                vswitches.add(new VSwitch("vsw-" + x, "vpc-" + x, Cidr.parse(net + "0/25"), "zone-a"));
                List<SecurityGroupRule> rules = new ArrayList<>();
                for (int k = 0; k < 28; k++) {
                    rules.add(SecurityGroupRule.cidr(Direction.INGRESS, Protocol.TCP, PortRange.single(8000 + k),
                            Cidr.parse("172.16." + k + ".0/24"), 1 + k, Policy.ACCEPT));
                }
                rules.add(SecurityGroupRule.cidr(Direction.INGRESS, Protocol.TCP, PortRange.single(22),
                        Cidr.parse("10.0.0.0/8"), 50, Policy.ACCEPT));
                rules.add(SecurityGroupRule.cidr(Direction.INGRESS, Protocol.ICMP, PortRange.ALL,
                        Cidr.parse("10.0.0.0/8"), 50, Policy.ACCEPT));
                groups.add(new SecurityGroup("sg-" + x, "cn-hangzhou", "111", "vpc-" + x, GroupType.NORMAL, true,
                        rules));
                instances.add(new Instance("i-" + x, "vsw-" + x, Cidr.parseAddress(net + "10"), List.of("sg-" + x)));
            }
        }

        /** Peers a (initiator) with b; returns {a's interface, b's interface}. */
        String[] peer(int a, int b) {
            String ia = "ri-" + a + "-" + b;
            String ib = "ri-" + b + "-" + a;
            interfaces.add(new RouterInterface(ia, "vrt-" + a, Role.INITIATOR, InterfaceStatus.Active, "Large.2",
                    ib, BusinessStatus.FORWARDING));
            interfaces.add(new RouterInterface(ib, "vrt-" + b, Role.ACCEPTOR, InterfaceStatus.Active, "Negative",
                    ia, BusinessStatus.FORWARDING));
            return new String[] {ia, ib};
        }

        void route(int vpc, Cidr destination, String ri) {
            routes.computeIfAbsent(vpc, k -> new ArrayList<>()).add(new RouteEntry("vtb-" + vpc, destination,
                    "RouterInterface", ri));
        }

        Model model(int n) {
            for (int i = 0; i < n; i++) {
                vpcs.add(new Vpc("vpc-" + i, "cn-hangzhou", "111", range(i), "vrt-" + i, "vtb-" + i,
                        routes.getOrDefault(i, List.of())));
            }
            return new Model(vpcs, vswitches, List.of(), interfaces, groups, instances, Map.of());
        }
    }

    /** Node i's parent is (i - 1) / 4: a default 10.0.0.0/8 up, a route per VPC of each child's subtree down. */
    static Model tree(int n) {
        Builder b = new Builder(n);
        for (int i = 1; i < n; i++) {
            int parent = (i - 1) / 4;
            String[] ri = b.peer(parent, i);
            b.route(i, Cidr.parse("10.0.0.0/8"), ri[1]);
            for (int d : subtree(i, n)) {
                b.route(parent, range(d), ri[0]);
            }
        }
        return b.model(n);
    }

    private static List<Integer> subtree(int root, int n) {
        List<Integer> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            int x = stack.remove(stack.size() - 1);
            out.add(x);
            for (int c = 4 * x + 1; c <= 4 * x + 4 && c < n; c++) {
                stack.add(c);
            }
        }
        return out;
    }

    /** VPC i peers i + 1; every table routes each other VPC toward its side. */
    static Model chain(int n) {
        Builder b = new Builder(n);
        String[] left = new String[n];
        String[] right = new String[n];
        for (int i = 0; i + 1 < n; i++) {
            String[] ri = b.peer(i, i + 1);
            right[i] = ri[0];
            left[i + 1] = ri[1];
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < n; d++) {
                if (d != i) {
                    b.route(i, range(d), d < i ? left[i] : right[i]);
                }
            }
        }
        return b.model(n);
    }
}
