package uk.london.victims.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: where a victim, a member of staff or the Commissioner goes next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }
}
