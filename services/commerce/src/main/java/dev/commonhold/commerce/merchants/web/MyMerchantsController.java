package dev.commonhold.commerce.merchants.web;

import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** A merchant's sign-in finds the businesses it serves and where: a merchant has no community in its token. */
@RestController
@Tag(name = "Merchants")
class MyMerchantsController {

    record MyMerchant(UUID merchantId, String name, UUID communityId, String communityName) {
    }

    private final Merchants merchants;

    MyMerchantsController(Merchants merchants) {
        this.merchants = merchants;
    }

    /** The merchants whose login is the caller's, with their community; empty for anyone else. */
    @GetMapping("/api/commerce/merchants/mine")
    List<MyMerchant> mine(Viewer viewer) {
        return merchants.mine(viewer).stream().map(m -> new MyMerchant(m.merchant().id(), m.merchant().name(), m.community().id(),
                m.community().name())).toList();
    }
}
