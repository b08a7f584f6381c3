package org.sintraee.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the admin logs in. The login form ({@code login.html}, posting to {@link LoginServlet})
 * starts a session that later requests reuse ({@link AutoApplySession}). Scripts may instead
 * send HTTP Basic on every request. Without either, a protected page redirects to the login
 * form, and the JSON API under {@code /api/} answers 401 (with a Basic challenge, except to
 * the page's own script, so that a browser shows no password dialog of its own).
 */
@ApplicationScoped
@AutoApplySession
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The page's script sends this header; a 401 to it carries no Basic challenge. */
    static final String SCRIPT_HEADER = "X-Requested-With";
    static final String LOGIN_PAGE = "/login.html";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential fromForm = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (fromForm != null) {
            // LoginServlet's SecurityContext.authenticate: on failure nothing is written, the
            // servlet sends the browser back to the form
            CredentialValidationResult result = identityStores.validate(fromForm);
            return valid(result) ? context.notifyContainerAboutLogin(result) : context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = basic(authorization.substring(6).trim());
            CredentialValidationResult result = basic == null ? null : identityStores.validate(basic);
            if (result != null && valid(result)) {
                return context.notifyContainerAboutLogin(result);
            }
            // a wrong login is refused where one is needed; public endpoints ignore it
            return context.isProtected() ? refuse(request, response, context) : context.doNothing();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return refuse(request, response, context);
    }

    private static boolean valid(CredentialValidationResult result) {
        return result.getStatus() == CredentialValidationResult.Status.VALID;
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || request.getHeader("Authorization") != null) {
            if (request.getHeader(SCRIPT_HEADER) == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Sintra EE admin\", charset=\"UTF-8\"");
            }
            return context.responseUnauthorized();
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    /** The credential in a Basic header's value, or null if it is not Base64 of {@code user:password}. */
    private static UsernamePasswordCredential basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
