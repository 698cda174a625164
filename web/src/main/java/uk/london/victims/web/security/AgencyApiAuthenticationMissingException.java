package uk.london.victims.web.security;

/** Start-up refused: the agency API would have no way to check a token, and it never runs unauthenticated. */
final class AgencyApiAuthenticationMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    AgencyApiAuthenticationMissingException() {
        this("The agency API has no token issuer configured and demo mode is off (on MongoDB, in the container "
             + "image, or with VJT_DEMO=false), so no token could be checked. Set VJT_JWT_ISSUER_URI or VJT_JWT_JWK_SET_URI.");
    }

    AgencyApiAuthenticationMissingException(String message) {
        super(message);
    }
}
