package dev.commonhold.devstack;

import java.time.Duration;
import java.util.List;

/** What a newcomer sees when the stack is up: where to go, who to log in as, one command that works as printed. */
final class Banner {

    private Banner() {
    }

    static String text(Ports ports, String communityId, Duration startup, List<String> memory) {
        String api = "http://localhost:" + ports.gateway() + "/api/community/communities";
        return """

                ======================================================================
                 Commonhold is running (ready in %.0f s)

                 Web portal      http://localhost:%d/portal/   (sign in with a demo login below; 中文, English)
                 API gateway     %s
                 Keycloak        http://localhost:%d/admin   (admin / admin)
                 Demo community  %s, 1,200 units in 20 buildings
                                 id %s

                 Demo logins (password = username), realm "commonhold", for the portal and the API:
                   resident   owner of 1号楼 201: sees the community and their household
                   committee  owners' committee chair (owner of 2号楼 301)
                   operator   operator admin of the company running the community
                   staff      operator staff of the same company
                   regulator  Chaoyang district housing bureau (reads; evaluates the franchise)
                   platform   platform administrator
                   tenant     陈小雨, who rents the operator's shop S-02: sees her lease and what she owes
                   merchant   the elderly canteen 幸福餐桌: its orders and settlements

                 Try it (in another terminal, from this folder):
                   TOKEN=$(%sinfra/devstack/token.sh resident)
                   curl -s -H "Authorization: Bearer $TOKEN" %s/%s/households/mine
                 An owners' vote is open (1号楼 roof repair); see README.md to vote as the resident.
                 Property fees: the last three months are billed; 1号楼–2号楼 paid by bank transfer,
                 the rest is overdue. The resident pays this month's bill with WeChat Pay or Alipay,
                 played by the channel simulator at http://localhost:%d (README.md shows how).
                 Trust account: what was paid is posted to the owners' books, the last two months are
                 closed and reconciled with the bank statement; every owner can read and verify them
                 (README.md, Trust accounts).
                 Maintenance fund: every flat's sub-account holds the balance taken over on 2026-06-30;
                 3号楼's ground floor is below 30%% and billed a top-up (README.md, Maintenance fund).
                 Parking: 东区停车场 (300 spaces) with a day of gate traffic; a visitor's fee on common
                 land is owners' income; drive a car in and out as the gate camera (README.md, Parking).
                 Leasing: 11 spaces, 3 leases running; 2号楼底商 (a common part) waits for the owners'
                 3/4 vote before its lease starts (README.md, Leasing).
                 Commerce: an elderly canteen (Beijing's meal subsidy; the resident's age is checked),
                 express lockers with a parcel for the resident, home repairs (README.md, Commerce).
                 Franchise: the garage and idle rooms under a Jinsong-like agreement (20%% to the owners);
                 one garage stay was charged above the approved day cap (README.md, Franchise oversight).
                 Joining: anyone may sign up (a phone number as username) at
                 http://localhost:%d/realms/commonhold/account and bind their home with a code
                 staff issues, or ask to be bound (README.md, Joining a household).

                 Logs: .devstack/logs/    Stop: Ctrl-C (data is kept; ./run.sh --fresh starts over)
                ======================================================================
                %s
                """.formatted(startup.toMillis() / 1000.0, ports.gateway(), api, ports.keycloak(), DemoSeed.COMMUNITY_NAME, communityId,
                ports.keycloak() == 8180 ? "" : "COMMONHOLD_KEYCLOAK_PORT=" + ports.keycloak() + " ", api, communityId, ports.channelSimulator(),
                ports.keycloak(), memory.isEmpty() ? "" : " Memory (resident):\n   " + String.join("\n   ", memory) + "\n");
    }
}
