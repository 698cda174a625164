package uk.london.victims.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.DemoMode;
import uk.london.victims.web.security.StaffPageSecurity;

/**
 * The staff sign-in page. Signing in itself is done by the security chain ({@link StaffPageSecurity}): the
 * demo form posts a role there; with an identity provider the button starts OIDC sign-in.
 */
@Controller
class StaffSignInPage {

    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(AgencyRole.COMMISSIONER.name(), "Victims’ Commissioner (the compliance review)");
        ROLES.put(AgencyRole.POLICE_OFFICER.name(), "Police officer");
        ROLES.put(AgencyRole.WITNESS_CARE.name(), "Witness Care officer");
        ROLES.put(AgencyRole.CPS.name(), "Crown Prosecution Service");
        ROLES.put(AgencyRole.COURT.name(), "Court staff");
        ROLES.put(AgencyRole.PROBATION.name(), "Probation");
        ROLES.put(AgencyRole.RJ_PROVIDER.name(), "Restorative justice provider");
        ROLES.put(AgencyRole.VICTIM_SUPPORT.name(), "Victim support");
        ROLES.put(AgencyRole.ADMIN.name(), "Administrator");
    }

    private final boolean demo;
    private final boolean oidc;

    StaffSignInPage(Environment environment,
                    ObjectProvider<org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository> clients) {
        // The role picker only in demo mode: nobody is checked, so it must never reach a real deployment.
        this.demo = DemoMode.on(environment);
        this.oidc = clients.getIfAvailable() != null;
    }

    @GetMapping(StaffPageSecurity.SIGN_IN)
    String signIn(@RequestParam MultiValueMap<String, String> params, Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("oidc", oidc);
        model.addAttribute("roles", ROLES);
        // Flags without values (?error, ?signed-out), as the security chain's redirects send them.
        model.addAttribute("error", params.containsKey("error"));
        model.addAttribute("signedOut", params.containsKey("signed-out"));
        return "staff/sign-in";
    }
}
