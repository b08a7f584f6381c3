package org.sintraee.runtime.dealer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sintraee.api.ServiceKeys;
import org.sintraee.runtime.keys.KeyFileFormat;
import org.sintraee.runtime.keys.KeyFileWriter;
import org.sintraee.runtime.keys.KeyFiles;

/** The dealer writes service-key.pem beside public.json: the same RSA key, readable with the api alone. */
class ServiceKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void thePemIsThePublicFilesServiceKeyAndIsNotSilentlyOverwritten() throws Exception {
        TestDealings.write(TestDealings.first(), dir);
        Path pem = dir.resolve(ServiceKeys.FILE_NAME);
        assertEquals(KeyFiles.loadPublic(dir.resolve(KeyFileFormat.PUBLIC_FILE_NAME)).serviceSignature().toJcaPublicKey(),
                ServiceKeys.readPem(pem));
        Files.delete(dir.resolve(KeyFileFormat.PUBLIC_FILE_NAME));
        for (int id = 1; id <= 4; id++) {
            Files.delete(dir.resolve(KeyFileFormat.privateFileName(id)));
        }
        assertThrows(FileAlreadyExistsException.class,
                () -> DealingFiles.checkTargets(dir, 4, new KeyFileWriter(false, false)), "a left-over service key");
    }
}
