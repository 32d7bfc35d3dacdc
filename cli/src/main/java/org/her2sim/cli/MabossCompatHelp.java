// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

/** The usage and help texts of the MaBoSS-compatible command line (options as in MaBoSS 2.6.6). */
final class MabossCompatHelp {
    private MabossCompatHelp() {
    }

    static String usage(String prog) {
        String p = "  " + prog + " ";
        return "\nUsage:\n\n"
            + p + "[-h|--help]\n"
            + p + "[-V|--version]\n"
            + p + "[-c|--config CFG]... [-e|--config-expr EXPR]... [-v|--config-vars VAR=NUM[,VAR=NUM...]] -o|--output PREFIX MODEL\n"
            + p + "[-c CFG]... [-e EXPR]... [-v VAR=NUM,...] -d|--dump-config MODEL\n"
            + p + "[-c CFG]... [-e EXPR]... [-v VAR=NUM,...] -l|--generate-logical-expressions MODEL\n"
            + p + "[-c CFG]... [-e EXPR]... [-v VAR=NUM,...] -x|--export-sbml SBML_FILE MODEL\n"
            + p + "-t|--generate-config-template MODEL\n"
            + p + "[-c CFG]... [-e EXPR]... --check MODEL\n"
            + p + "--ensemble [--save-individual] [--random-sampling] [--ensemble-istates] -c CFG... -o PREFIX MODEL...\n"
            + "  other options: [-q|--quiet] [--verbose LEVEL] [--format csv|json] [--override|--augment] [--hexfloat]\n"
            + "                 [--final] [--use-sbml-names]\n";
    }

    static String help(String prog) {
        return usage(prog) + "\nOptions (as in MaBoSS 2.6.6; run by the her2sim engine):\n\n"
            + "  -V, --version                 print the MaBoSS version this command line follows\n"
            + "  -c, --config CFG              read a configuration file (repeatable)\n"
            + "  -e, --config-expr EXPR        apply configuration statements, e.g. 'max_time = 50; $k = 2' (repeatable;\n"
            + "                                -c and -e apply in command-line order)\n"
            + "  -v, --config-vars VAR=NUM,... set parameters; these win over any -c or -e\n"
            + "  -o, --output PREFIX           simulate and write PREFIX_probtraj, _fp, _statdist, _statdist_cluster,\n"
            + "                                _statdist_distrib, _observed_graph.csv, _observed_durations.csv, _run.txt\n"
            + "                                (and _traj.txt with display_traj = 1)\n"
            + "  --format csv|json             format of the result files (csv, tab-separated, by default)\n"
            + "  --final                       write only PREFIX_finalprob: the final states' probabilities\n"
            + "  --hexfloat                    print numbers in C's hexadecimal floating-point form (%a), exactly\n"
            + "  -d, --dump-config             print the configuration in effect and stop\n"
            + "  -t, --generate-config-template  print a configuration to fill in for MODEL and stop\n"
            + "  -l, --generate-logical-expressions  print every node's Boolean update function and stop\n"
            + "  -x, --export-sbml FILE        write the model as SBML-qual and stop\n"
            + "  --check                       read and check the model and configuration, then stop\n"
            + "  --override                    a node declared again replaces its first declaration\n"
            + "  --augment                     a node declared again adds to (and overrides attributes of) the first\n"
            + "  --use-sbml-names              name nodes of an .sbml/.xml model by their SBML names, not ids\n"
            + "  -q, --quiet                   no warnings\n"
            + "  --verbose LEVEL               accepted (0-3); the her2sim engine prints nothing more\n"
            + "  -h, --help                    this text\n"
            + "\nEnsembles (several MODEL files with the same nodes):\n\n"
            + "  --ensemble                    simulate the models together: the trajectories are split between them\n"
            + "  --random-sampling             draw each trajectory's model at random instead of splitting evenly\n"
            + "  --save-individual             also write each model's results as PREFIX_model_K_*\n"
            + "  --ensemble-istates            model K takes its initial states from the K-th -c/-e, in order\n"
            + "\nExit codes: 0 done, 2 bad input (nothing written), 1 internal error.\n"
            + "What differs from MaBoSS on purpose: docs/maboss-users.md.\n";
    }
}
