package io.gridid.feeders;

import io.gridid.model.GrididException;

/** The power flow did not reach its voltage tolerance within the iteration cap. */
public final class PowerFlowDivergedException extends GrididException {
    private static final long serialVersionUID = 1L;

    public PowerFlowDivergedException(String message) {
        super(message);
    }
}
