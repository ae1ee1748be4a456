package dev.peerform.emulator;

import dev.peerform.emulator.cloud.Model.AccessKey;
import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.emulator.cloud.World;

/**
 * The default world, after the Express Connect documentation's examples: account 12345678 owns a physical connection
 * (shared with 87654321) and a VBR in cn-beijing; account 87654321 has a VPC in cn-hangzhou. Their access keys are
 * demonstration keys of this emulator only, listed by {@code peerform emulator serve} and the README.
 */
public final class Seed {

    public static final String ACCOUNT_A = "12345678";
    public static final String ACCOUNT_B = "87654321";
    public static final String KEY_A = "LTAIpeerformDemo12345678";
    public static final String SECRET_A = "demo-secret-12345678";
    public static final String KEY_B = "LTAIpeerformDemo87654321";
    public static final String SECRET_B = "demo-secret-87654321";
    public static final String PHYSICAL_CONNECTION = "pc-bj0peerformdemo0001";
    public static final String ACCESS_POINT = "ap-cn-beijing-ft-A";

    private Seed() {
    }

    public static World defaultWorld() {
        World w = emptyWorld();
        Vbr vbr = new Vbr();
        vbr.id = w.newId("vbr");
        vbr.owner = ACCOUNT_A;
        vbr.region = "cn-beijing";
        vbr.physicalConnectionId = PHYSICAL_CONNECTION;
        vbr.accessPointId = ACCESS_POINT;
        vbr.vlanId = 100;
        vbr.localGatewayIp = "10.100.0.1";
        vbr.peerGatewayIp = "10.100.0.2";
        vbr.peeringSubnetMask = "255.255.255.252";
        vbr.name = "seed-vbr";
        vbr.routeTableId = w.newId("vtb");
        w.addVbr(vbr);
        Vpc vpc = new Vpc();
        vpc.id = w.newId("vpc");
        vpc.owner = ACCOUNT_B;
        vpc.region = "cn-hangzhou";
        vpc.cidrBlock = "192.168.0.0/16";
        vpc.name = "seed-hangzhou";
        vpc.vrouterId = w.newId("vrt");
        vpc.routeTableId = w.newId("vtb");
        w.addVpc(vpc);
        return w.reindex();
    }

    /** A world with two accounts and nothing else, for tests that build their own. */
    public static World emptyWorld() {
        World w = new World();
        w.addAccount(account(ACCOUNT_A, KEY_A, SECRET_A));
        w.addAccount(account(ACCOUNT_B, KEY_B, SECRET_B));
        PhysicalConnection pc = new PhysicalConnection();
        pc.id = PHYSICAL_CONNECTION;
        pc.owner = ACCOUNT_A;
        pc.region = "cn-beijing";
        pc.accessPointId = ACCESS_POINT;
        pc.name = "idc-beijing-leased-line";
        pc.sharedWith.add(ACCOUNT_B);
        w.physicalConnections.put(pc.id, pc);
        return w.reindex();
    }

    private static Account account(String id, String key, String secret) {
        Account a = new Account();
        a.id = id;
        a.keys.add(new AccessKey(key, secret));
        return a;
    }
}
