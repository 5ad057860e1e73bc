package io.gridid.cli;

import io.gridid.feeders.PowerFlow;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gridid powerflow}: the nominal balanced power flow of a feeder, as a voltage profile. */
@Command(name = "powerflow", mixinStandardHelpOptions = true,
        description = {"Runs a balanced AC power flow on a feeder at its nominal loads and prints the voltage",
                "profile (bus, |V| p.u., angle deg), the minimum voltage and the losses.",
                "FEEDER is ieee13, ieee37, ieee69, random:N[:SEED] (any with +caps=K for K capacitor banks) or a feeder table file."})
final class PowerflowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--feeder", required = true, paramLabel = "FEEDER", description = "Feeder to solve.")
    String feeder;

    @Override
    public Integer call() throws GrididException, IOException {
        Feeder f;
        try {
            f = TestFeeders.resolve(feeder);
        } catch (IllegalArgumentException e) {
            throw new IllegalInputException(e.getMessage());
        }
        PowerFlow pf = new PowerFlow(f);
        PowerFlow.Solution s = pf.solveNominal();
        PrintWriter w = spec.commandLine().getOut();
        List<String> buses = pf.buses();
        double[] angle = s.angleRad();
        w.printf(Locale.ROOT, "# feeder %s, base %s kV, root %s, %d buses, converged in %d sweeps%n", f.name(),
                f.baseKv(), f.rootBus(), buses.size(), s.iterations());
        w.println("bus,v_pu,angle_deg");
        for (int k = 0; k < buses.size(); k++) {
            // 10 decimals of p.u. (1e-10 is the power flow's tolerance): rounding adds no visible error
            w.printf(Locale.ROOT, "%s,%.10f,%.8f%n", buses.get(k), Units.kvToPu(s.voltageKv(k), f.baseKv()),
                    Math.toDegrees(angle[k]));
        }
        int min = s.lowestVoltageIndex();
        w.printf(Locale.ROOT, "minimum voltage: %.10f p.u. at bus %s%n", Units.kvToPu(s.voltageKv(min), f.baseKv()),
                buses.get(min));
        w.printf(Locale.ROOT, "losses: %.6f kW, %.6f kvar%n", Units.mwToKw(s.lossMw()), Units.mwToKw(s.lossMvar()));
        w.printf(Locale.ROOT, "feeder head: %.6f kW, %.6f kvar%n", Units.mwToKw(s.headMw()), Units.mwToKw(s.headMvar()));
        w.flush();
        return ExitCode.OK;
    }
}
