package org.sintraee.admin.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code POST login} (the login form: {@code username}, {@code password}) and {@code POST logout}.
 * A successful login gets a new session id (no session fixation) and goes to the admin page;
 * a failed one goes back to the form with {@code ?failed}.
 */
@WebServlet(urlPatterns = {"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
    private static final int MAX_FIELD = 256;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath();
        if ("/logout".equals(request.getServletPath())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            try {
                request.logout();
            } catch (jakarta.servlet.ServletException e) {
                LOG.fine(() -> "logout: " + e);
            }
            response.sendRedirect(base + AdminAuthenticationMechanism.LOGIN_PAGE + "?logged-out");
            return;
        }
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || password == null || user.length() > MAX_FIELD || password.length() > MAX_FIELD) {
            response.sendRedirect(base + AdminAuthenticationMechanism.LOGIN_PAGE + "?failed");
            return;
        }
        request.getSession(true); // exists before the login, so that its id can change after it
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(user, new Password(password)))
                .newAuthentication(true));
        // SUCCESS alone is not enough: on an open path like this one, "nothing done" is a
        // SUCCESS too, for an anonymous caller
        if (status == AuthenticationStatus.SUCCESS && security.getCallerPrincipal() != null) {
            request.changeSessionId();
            response.sendRedirect(base + "/");
        } else {
            LOG.fine("admin login failed"); // no user name: it may be a mistyped password
            if (!response.isCommitted()) {
                response.sendRedirect(base + AdminAuthenticationMechanism.LOGIN_PAGE + "?failed");
            }
        }
    }
}
