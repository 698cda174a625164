package uk.london.victims.web.security;

/** Start-up refused: the agency API would have no way to check a token, and it never runs unauthenticated. */
final class AgencyApiAuthenticationMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    AgencyApiAuthenticationMissingException() {
        super("The agency API has no token issuer configured and the service is on MongoDB (MONGODB_URI), "
              + "where demo tokens are not issued. Set VJT_JWT_ISSUER_URI or VJT_JWT_JWK_SET_URI.");
    }
}
