package org.sintraee.runtime.dealer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void printsEachStageAtOnceThenAtMostEveryFewSecondsAndEachPrimeFound() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        printer.report("safe prime p", 256);
        now.addAndGet(ProgressPrinter.INTERVAL_NANOS / 2);
        printer.report("safe prime p", 512);
        now.addAndGet(ProgressPrinter.INTERVAL_NANOS);
        printer.report("safe prime p", 768);
        printer.report("safe prime p found", 800);
        printer.report("safe prime q", 256);
        printer.report("shares", 1);
        assertEquals(String.join("\n",
                "dealer: generating safe prime p (1/2) ... candidates tried: 256",
                "dealer: generating safe prime p (1/2) ... candidates tried: 768",
                "dealer: safe prime p found after 800 candidates",
                "dealer: generating safe prime q (2/2) ... candidates tried: 256",
                ""), bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
