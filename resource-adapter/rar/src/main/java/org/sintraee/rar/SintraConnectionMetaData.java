package org.sintraee.rar;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the "EIS" behind a managed connection: the local replica. */
class SintraConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "Sintra EE";
    }

    @Override
    public String getEISProductVersion() {
        return "0.1";
    }

    @Override
    public int getMaxConnections() {
        return 0; // no limit of its own
    }

    @Override
    public String getUserName() {
        return "";
    }
}
