package org.sintraee.rar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.NotBroadcastException;
import org.sintraee.api.SintraBusyException;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraException;
import org.sintraee.runtime.node.NodeBusyException;
import org.sintraee.runtime.node.NodeStoppedException;
import org.sintraee.runtime.node.NodeSettings;

/**
 * SintraConnection.submit with and without a JTA transaction. A lone server never delivers, so
 * most tests replace the node's submit with a recorder whose futures the test completes.
 */
class OutboundSubmitTest {

    @TempDir
    Path dir;

    private final FakeTransactions transactions = new FakeTransactions();
    private final List<String> submitted = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Long>> nodeResults = Collections.synchronizedList(new ArrayList<>());
    private SintraResourceAdapter adapter;
    private FakeBootstrapContext context;
    private SintraManagedConnection managed;

    private SintraConnection deploy(FakeBootstrapContext bootstrap, boolean record) throws Exception {
        TestReplicaFiles files = new TestReplicaFiles(dir);
        adapter = files.adapter(2, TestReplicaFiles.freePort());
        context = bootstrap;
        adapter.start(context);
        if (record) {
            adapter.replaceNodeSubmit(request -> {
                submitted.add(new String(request, StandardCharsets.UTF_8));
                CompletableFuture<Long> result = new CompletableFuture<>();
                nodeResults.add(result);
                return result;
            });
        }
        SintraManagedConnectionFactory mcf = new SintraManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);
        managed = (SintraManagedConnection) mcf.createManagedConnection(null, null);
        return (SintraConnection) managed.getConnection(null, null);
    }

    private SintraConnection deployWithTransactions() throws Exception {
        return deploy(FakeBootstrapContext.withTransactions(transactions), true);
    }

    @AfterEach
    void undeploy() {
        if (adapter != null) {
            adapter.stop();
            context.close();
        }
    }

    @Test
    void aCommittedTransactionBroadcastsInOrderAfterTheCommit() throws Exception {
        SintraConnection connection = deployWithTransactions();
        FakeTransactions.Tx tx = transactions.begin();
        byte[] first = bytes("a");
        CompletionStage<Long> a = connection.submit(first);
        CompletionStage<Long> b = connection.submit(bytes("b"));
        first[0] = 'x'; // the caller reuses its array: the request was copied

        assertEquals(List.of(), submitted, "nothing broadcast before the commit");
        assertEquals(1, tx.synchronizations(), "one synchronization per transaction");
        a.toCompletableFuture().complete(99L); // a copy: the application cannot complete the stage itself
        assertFalse(a.toCompletableFuture().isDone(), "not before the commit");
        transactions.commit(tx);

        assertEquals(List.of("a", "b"), submitted);
        assertFalse(a.toCompletableFuture().isDone(), "completes on delivery, not on commit");
        nodeResults.get(1).complete(8L);
        nodeResults.get(0).complete(7L);
        assertEquals(7L, get(a));
        assertEquals(8L, get(b));
    }

    @Test
    void aRolledBackTransactionBroadcastsNothing() throws Exception {
        SintraConnection connection = deployWithTransactions();
        FakeTransactions.Tx tx = transactions.begin();
        CompletionStage<Long> a = connection.submit(bytes("a"));
        assertFalse(a.toCompletableFuture().isDone());

        transactions.rollback(tx);

        assertEquals(List.of(), submitted);
        NotBroadcastException e = assertInstanceOf(NotBroadcastException.class, failure(a));
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    }

    @Test
    void anEncryptedRequestIsBroadcastAsCiphertextAfterTheCommitAndNeverAfterARollback() throws Exception {
        SintraConnection connection = deployWithTransactions();
        FakeTransactions.Tx tx = transactions.begin();
        CompletionStage<Long> sealed = connection.submitEncrypted(bytes("sealed bid 42"));
        assertEquals(List.of(), submitted, "nothing broadcast before the commit");
        transactions.commit(tx);

        assertEquals(1, submitted.size());
        assertTrue(submitted.get(0).contains("SCABC"), "an encrypted request (marker) went to the node");
        assertFalse(submitted.get(0).contains("sealed bid"), "the plaintext is not in what is broadcast");
        assertFalse(sealed.toCompletableFuture().isDone(), "completes on delivery, not on commit");
        nodeResults.get(0).complete(3L);
        assertEquals(3L, get(sealed));

        FakeTransactions.Tx rolledBack = transactions.begin();
        CompletionStage<Long> never = connection.submitEncrypted(bytes("withdrawn bid"));
        transactions.rollback(rolledBack);
        assertEquals(1, submitted.size(), "nothing broadcast after the rollback");
        assertInstanceOf(NotBroadcastException.class, failure(never));
    }

    @Test
    void outsideATransactionTheRequestIsBroadcastAtOnce() throws Exception {
        SintraConnection connection = deployWithTransactions();
        CompletionStage<Long> a = connection.submit(bytes("a"));

        assertEquals(List.of("a"), submitted);
        nodeResults.get(0).complete(1L);
        assertEquals(1L, get(a));
    }

    @Test
    void backPressureIsASintraBusyExceptionInAndOutOfTransactions() throws Exception {
        SintraConnection connection = deployWithTransactions();
        adapter.replaceNodeSubmit(r -> CompletableFuture.failedFuture(new NodeBusyException("full")));

        assertInstanceOf(SintraBusyException.class, failure(connection.submit(bytes("a"))));
        FakeTransactions.Tx tx = transactions.begin();
        CompletionStage<Long> b = connection.submit(bytes("b"));
        transactions.commit(tx);
        assertInstanceOf(SintraBusyException.class, failure(b));
    }

    @Test
    void interleavedTransactionsStaySeparate() throws Exception {
        SintraConnection connection = deployWithTransactions();
        FakeTransactions.Tx one = transactions.begin();
        CompletionStage<Long> a = connection.submit(bytes("a"));
        transactions.suspend();
        FakeTransactions.Tx two = transactions.begin();
        CompletionStage<Long> b = connection.submit(bytes("b"));
        transactions.suspend();
        transactions.resume(one);
        CompletionStage<Long> c = connection.submit(bytes("c"));
        transactions.suspend();

        transactions.commit(two);
        assertEquals(List.of("b"), submitted);
        transactions.rollback(one);
        assertEquals(List.of("b"), submitted);

        assertInstanceOf(NotBroadcastException.class, failure(a));
        assertInstanceOf(NotBroadcastException.class, failure(c));
        nodeResults.get(0).complete(3L);
        assertEquals(3L, get(b));
        assertEquals(1, one.synchronizations());
        assertEquals(1, two.synchronizations());
    }

    @Test
    void aTransactionMarkedForRollbackRefusesTheRequest() throws Exception {
        SintraConnection connection = deployWithTransactions();
        FakeTransactions.Tx tx = transactions.begin();
        transactions.setRollbackOnly();

        assertThrows(NotBroadcastException.class, () -> connection.submit(bytes("a")));
        transactions.rollback(tx);
        assertEquals(List.of(), submitted);
    }

    @Test
    void closedConnectionOversizedRequestAndStoppedAdapterAreClearErrors() throws Exception {
        SintraConnection connection = deployWithTransactions();
        int limit = NodeSettings.defaults().maxRequestBytes();
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> connection.submit(new byte[limit + 1]));
        assertTrue(big.getMessage().contains(String.valueOf(limit)), big.getMessage());

        adapter.stop();
        SintraException stopped = assertThrows(SintraException.class, () -> connection.submit(bytes("a")));
        assertTrue(stopped.getMessage().contains("not running"), stopped.getMessage());
        connection.close();
        SintraException closed = assertThrows(SintraException.class, () -> connection.submit(bytes("a")));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertEquals(List.of(), submitted);
    }

    @Test
    void theRealNodeFailsAPendingRequestWhenTheAdapterStops() throws Exception {
        SintraConnection connection = deploy(FakeBootstrapContext.withTransactions(transactions), false);
        CompletionStage<Long> a = connection.submit(bytes("a"));
        assertFalse(a.toCompletableFuture().isDone(), "a lone server never delivers");

        adapter.stop();

        Throwable e = failure(a);
        assertEquals(SintraException.class, e.getClass());
        assertInstanceOf(NodeStoppedException.class, e.getCause());
    }

    @Test
    void withoutARegistryTheRequestIsBroadcastAtOnceAndLocalTransactionsStillWork() throws Exception {
        SintraConnection connection = deploy(new FakeBootstrapContext(), true);
        SintraLocalTransaction local = (SintraLocalTransaction) managed.getLocalTransaction();
        local.begin();

        connection.submit(bytes("a"));
        assertEquals(List.of("a"), submitted, "no registry: at once, as the adapter warned at start");
        local.rollback();
        assertFalse(local.isActive());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long get(CompletionStage<Long> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<Long> stage) {
        return assertThrows(ExecutionException.class, () -> get(stage)).getCause();
    }
}
