package org.sintraee.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.sintraee.api.OrderCertificate;

/**
 * The test's handle on one server ({@code <context>/probe/...}). It permits every caller: the
 * admin login guards the application's own pages ({@code /*} in web.xml), and this test-only
 * servlet's more specific pattern takes it out, so ClusterIT does not depend on the login
 * (MicroStatusIT tests that).
 * <ul>
 * <li>{@code POST probe/submit?tx=commit|rollback-only|exception|none} with the request as the
 *     body: submits it through {@link ProbeSubmitter}, waits up to 60 s for the stage and
 *     answers {@code seq <n>} or {@code failed <exception class> <message>};</li>
 * <li>{@code POST probe/certify?seq=<n>}: the seq's order certificate from this server, as
 *     {@code certificate <Base64 of OrderCertificate.toBytes()>} or {@code failed ...};</li>
 * <li>{@code GET probe/deliveries}: a line {@code boot <id> calls <n>}, then one line
 *     {@code <seq> <round> <sha256> <boot>} per recorded delivery, in the order recorded.</li>
 * </ul>
 */
@WebServlet("/probe/*")
@ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.PERMIT))
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    @EJB
    private ProbeSubmitter submitter;

    @Inject
    private ProbeRecorder recorder;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/certify".equals(request.getPathInfo())) {
            certify(request, response);
            return;
        }
        if (!"/submit".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String tx = String.valueOf(request.getParameter("tx"));
        response.setContentType("text/plain;charset=UTF-8");
        try {
            CompletionStage<Long> stage = switch (tx) {
                case "commit" -> submitter.committed(body);
                case "rollback-only" -> submitter.markedRollbackOnly(body);
                case "exception" -> rolledBack(body);
                case "none" -> submitter.withoutTransaction(body);
                default -> throw new IllegalArgumentException("tx must be commit, rollback-only, exception or none");
            };
            answer(response, stage, seq -> "seq " + seq);
        } catch (RuntimeException e) {
            failed(response, rootCause(e));
        }
    }

    /** Waits for the stage and writes its line, or the failure. */
    private <T> void answer(HttpServletResponse response, CompletionStage<T> stage,
                            Function<T, String> line) throws IOException {
        try {
            response.getWriter().println(line.apply(stage.toCompletableFuture().get(60, TimeUnit.SECONDS)));
        } catch (ExecutionException e) {
            failed(response, e.getCause());
        } catch (TimeoutException e) {
            response.setStatus(HttpServletResponse.SC_GATEWAY_TIMEOUT);
            response.getWriter().println("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private void certify(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seq;
        try {
            seq = Long.parseLong(String.valueOf(request.getParameter("seq")));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "seq must be a number");
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        try {
            answer(response, submitter.certify(seq),
                    (OrderCertificate c) -> "certificate " + Base64.getEncoder().encodeToString(c.toBytes()));
        } catch (RuntimeException e) {
            failed(response, rootCause(e));
        }
    }

    private CompletionStage<Long> rolledBack(byte[] body) {
        try {
            return submitter.rolledBackByException(body);
        } catch (ProbeRollback expected) {
            return expected.stage();
        }
    }

    private static void failed(HttpServletResponse response, Throwable cause) throws IOException {
        response.getWriter().println("failed " + cause.getClass().getName() + " " + cause.getMessage());
    }

    /** Through the container's EJBException wrappers to what the adapter threw. */
    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/deliveries".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("boot ").append(ProbeRecorder.BOOT).append(" calls ").append(recorder.calls()).append('\n');
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT SEQ, ROUND_NO, SHA256, BOOT FROM " + ProbeTable.NAME
                     + " ORDER BY ID")) {
            while (rows.next()) {
                text.append(rows.getLong(1)).append(' ').append(rows.getLong(2)).append(' ')
                        .append(rows.getString(3)).append(' ').append(rows.getString(4)).append('\n');
            }
        } catch (SQLException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "probe table: " + e.getMessage());
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        try (PrintWriter out = response.getWriter()) {
            out.print(text);
        }
    }
}
